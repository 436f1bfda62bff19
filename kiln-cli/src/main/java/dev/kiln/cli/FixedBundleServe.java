package dev.kiln.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code kiln serve} arguments of a launcher that serves one bundle whose files never change
 * (a model jar, an image that fetched its model): reloading is off, whether or not the user's
 * options already say so.
 */
final class FixedBundleServe {
  private static final String NO_RELOAD = "--no-reload";

  private FixedBundleServe() {}

  /** Returns {@code serve BUNDLE --no-reload} followed by the user's options, the flag once. */
  static String[] arguments(Path bundle, List<String> options) {
    List<String> serve = new ArrayList<>(List.of("serve", bundle.toString()));
    if (!options.contains(NO_RELOAD)) {
      serve.add(NO_RELOAD);
    }
    serve.addAll(options);
    return serve.toArray(String[]::new);
  }
}
