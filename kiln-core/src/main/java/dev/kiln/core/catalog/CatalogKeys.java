package dev.kiln.core.catalog;

import java.util.List;

/** Catalog entry keys handled by the catalog itself rather than by a dataset type. */
final class CatalogKeys {
  /** Keys every entry may have. */
  static final List<String> COMMON = List.of("versioned", "credentials", "metadata");

  private CatalogKeys() {}
}
