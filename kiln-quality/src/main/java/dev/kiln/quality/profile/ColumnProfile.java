package dev.kiln.quality.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.data.ColumnType;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * One column's profile: counts, moments and range for numbers with a KLL quantile sketch;
 * frequent items for text. Sketches are stored in DataSketches' own compact binary form, base64
 * encoded, so a profile is plain JSON.
 *
 * @param name the column
 * @param type the column type
 * @param count non-missing values
 * @param nulls missing values
 * @param min smallest value (numbers), or null
 * @param max largest value (numbers), or null
 * @param mean mean (numbers), or null
 * @param std population standard deviation (numbers), or null
 * @param quantiles approximate quantiles by rank (numbers), or null
 * @param kll the KLL sketch, base64 (numbers), or null
 * @param frequentItems the most frequent values with estimated counts (text), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(String name, ColumnType type, long count, long nulls, Double min,
    Double max, Double mean, Double std, Map<String, Double> quantiles, String kll,
    List<ItemCount> frequentItems) {

  /**
   * A value and its estimated count.
   *
   * @param item the value
   * @param count the estimated count
   */
  public record ItemCount(String item, long count) {}

  /** Returns the KLL sketch of a numeric column, for quantiles, ranks and drift. */
  public KllDoublesSketch sketch() {
    if (kll == null) {
      throw new IllegalStateException("column '" + name + "' is not numeric");
    }
    return KllDoublesSketch.heapify(Memory.wrap(Base64.getDecoder().decode(kll)));
  }
}
