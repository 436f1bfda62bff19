package dev.kiln.ui.internal;

import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.profile.ColumnProfile;
import dev.kiln.quality.profile.DataProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One drift verdict with its readable score, what moved and its histogram as SVG. */
public final class DriftViews {
  private DriftViews() {}

  /** Returns the view of one column; the histogram needs both profiles to hold it. */
  public static Map<String, Object> column(ColumnDrift c, DataProfile reference,
      DataProfile current) {
    ColumnProfile ref = find(reference, c.column()).orElse(null);
    ColumnProfile cur = find(current, c.column()).orElse(null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("column", c.column());
    out.put("test", c.test());
    out.put("score", c.score());
    out.put("threshold", c.threshold());
    out.put("drifted", c.drifted());
    out.put("score_text", DriftText.score(c, ref));
    if (ref != null && cur != null) {
      Histogram h = Histogram.of(ref, cur);
      out.put("change_text", DriftText.change(ref, cur, h));
      out.put("svg", HistogramSvg.render("Reference and current distribution of "
          + c.column(), h));
      out.put("bins", Map.of("labels", h.labels(), "edges", h.edges(), "reference",
          h.reference(), "current", h.current()));
      out.put("reference_rows", ref.count() + ref.nulls());
      out.put("current_nulls", cur.nulls());
    }
    return out;
  }

  private static Optional<ColumnProfile> find(DataProfile profile, String name) {
    return profile == null ? Optional.empty()
        : profile.columns().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
