package dev.kiln.quality.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * A data set's profile: one {@link ColumnProfile} per column, computed in one pass per column
 * with bounded memory (KLL sketch with k = 400, rank error under 1%; frequent items sketch of
 * 1,024 counters). Stored in model bundles as the reference for drift.
 *
 * @param rows the number of rows
 * @param columns the column profiles, in order
 */
public record DataProfile(long rows, List<ColumnProfile> columns) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double[] RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  /** Copies the list. */
  public DataProfile {
    columns = List.copyOf(columns);
  }

  /** Profiles every column of a frame, columns in parallel. */
  public static DataProfile of(Frame frame) {
    List<ColumnProfile> out = frame.columns().parallelStream()
        .map(c -> c.type() == ColumnType.STRING ? text(c) : numeric(c)).toList();
    return new DataProfile(frame.rowCount(), out);
  }

  private static ColumnProfile numeric(Column c) {
    KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(400);
    double sum = 0;
    double sq = 0;
    long n = 0;
    for (int i = 0; i < c.size(); i++) {
      double x = c.getDouble(i) + 0.0; // -0.0 counts as 0.0, as in numpy
      if (Double.isFinite(x)) {
        sketch.update(x);
        sum += x;
        sq += x * x;
        n++;
      }
    }
    long nulls = c.size() - n;
    if (n == 0) {
      return new ColumnProfile(c.name(), c.type(), 0, nulls, null, null, null, null, null,
          null, null);
    }
    double mean = sum / n;
    Map<String, Double> quantiles = new LinkedHashMap<>();
    double[] q = sketch.getQuantiles(RANKS, QuantileSearchCriteria.INCLUSIVE);
    for (int i = 0; i < RANKS.length; i++) {
      quantiles.put("p" + Math.round(RANKS[i] * 100), q[i]);
    }
    return new ColumnProfile(c.name(), c.type(), n, nulls, sketch.getMinItem(),
        sketch.getMaxItem(), mean, Math.sqrt(Math.max(0, sq / n - mean * mean)), quantiles,
        Base64.getEncoder().encodeToString(sketch.toByteArray()), null);
  }

  private static ColumnProfile text(Column c) {
    ItemsSketch<String> sketch = new ItemsSketch<>(1024);
    long n = 0;
    for (int i = 0; i < c.size(); i++) {
      if (!c.isNull(i)) {
        sketch.update((String) c.get(i));
        n++;
      }
    }
    List<ColumnProfile.ItemCount> items = Arrays.stream(
        sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)).limit(50)
        .map(r -> new ColumnProfile.ItemCount(r.getItem(), r.getEstimate())).toList();
    return new ColumnProfile(c.name(), c.type(), n, c.size() - n, null, null, null, null, null,
        null, items);
  }

  /** Returns the profile as JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("profiles are plain records", e);
    }
  }

  /**
   * Reads a profile written by {@link #toJson()}.
   *
   * @throws KilnException if the text is not a profile
   */
  public static DataProfile fromJson(String json) {
    try {
      return JSON.readValue(json, DataProfile.class);
    } catch (JsonProcessingException e) {
      throw new KilnException("Not a Kiln data profile: " + e.getOriginalMessage(),
          "profiles are written by DataProfile.toJson", e);
    }
  }
}
