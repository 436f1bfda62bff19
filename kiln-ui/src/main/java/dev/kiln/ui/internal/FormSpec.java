package dev.kiln.ui.internal;

import dev.kiln.data.ColumnType;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.quality.profile.ColumnProfile;
import dev.kiln.quality.profile.DataProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction form of a bundle, generated from its input schema: one field per input with
 * its type, the range seen in training (numbers) or the categories (text, shown as a select), and
 * a default from the training profile (the median, or the most frequent category).
 */
public final class FormSpec {
  private FormSpec() {}

  /** Returns the form of a bundle. */
  public static Map<String, Object> of(LoadedBundle bundle) {
    BundleManifest m = bundle.manifest();
    Map<String, ColumnProfile> profile = new LinkedHashMap<>();
    bundle.referenceProfile().map(DataProfile::columns).orElse(List.of())
        .forEach(c -> profile.put(c.name(), c));
    List<Map<String, Object>> fields = new ArrayList<>();
    for (FieldSpec f : m.inputs()) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("name", f.name());
      field.put("type", f.type().name().toLowerCase(java.util.Locale.ROOT));
      field.put("nullable", f.nullable());
      field.put("min", f.min());
      field.put("max", f.max());
      field.put("categories", f.categories());
      field.put("default", defaultValue(f, profile.get(f.name())));
      fields.add(field);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", m.name());
    out.put("version", m.version());
    out.put("task", m.task().name().toLowerCase(java.util.Locale.ROOT));
    out.put("label", m.label());
    out.put("threshold", m.threshold());
    out.put("explainable", bundle.explainable());
    out.put("fields", fields);
    return out;
  }

  private static Object defaultValue(FieldSpec f, ColumnProfile p) {
    if (f.type() == ColumnType.STRING) {
      if (p != null && p.frequentItems() != null && !p.frequentItems().isEmpty()) {
        return p.frequentItems().get(0).item();
      }
      return f.categories() == null || f.categories().isEmpty() ? "" : f.categories().get(0);
    }
    Double median = p == null || p.quantiles() == null ? null : p.quantiles().get("p50");
    if (median == null) {
      median = f.min() != null && f.max() != null ? (f.min() + f.max()) / 2 : 0.0;
    }
    if (f.type() == ColumnType.BOOLEAN) {
      return median >= 0.5;
    }
    return f.type() == ColumnType.DOUBLE ? median : (Object) Math.round(median);
  }
}
