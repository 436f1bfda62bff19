package faults;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * clean (csv -> parquet) -> featurize (-> csv, and an in-memory scale) -> summarize (-> json)
 * -> report (-> text). Each node calls {@link Pause#here} in the middle of its work.
 */
public final class Pipelines implements PipelineRegistry {
  static final DatasetRef<Frame> RAW = DatasetRef.of("raw", Frame.class);
  static final DatasetRef<Frame> CLEAN = DatasetRef.of("clean", Frame.class);
  static final DatasetRef<Frame> FEATURES = DatasetRef.of("features", Frame.class);
  static final DatasetRef<Double> SCALE = DatasetRef.of("scale", Double.class);
  static final DatasetRef<Metrics> SUMMARY = DatasetRef.of("summary", Metrics.class);
  static final DatasetRef<String> REPORT = DatasetRef.of("report", String.class);
  static final DatasetRef<Double> THRESHOLD = DatasetRef.param("threshold", Double.class);

  @Override
  public Map<String, Pipeline> pipelines() {
    Node clean = Node.of("clean", RAW, THRESHOLD, CLEAN, (raw, threshold) -> {
      DoubleColumn x = (DoubleColumn) raw.column("x");
      Frame kept = raw.filter(i -> !x.isNull(i) && x.getDouble(i) >= threshold);
      Pause.here("mid", "clean");
      return kept;
    });
    Node featurize = Node.builder("featurize").inputs(CLEAN).outputs(FEATURES, SCALE).run(in -> {
      DoubleColumn x = (DoubleColumn) in.get(CLEAN).column("x");
      double[] values = x.toDoubleArray();
      double max = 0;
      for (double v : values) {
        max = Math.max(max, v);
      }
      double[] scaled = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        scaled[i] = max == 0 ? 0 : values[i] / max;
      }
      Pause.here("mid", "featurize");
      return Outputs.of(FEATURES, in.get(CLEAN).withColumn(DoubleColumn.of("x_scaled", scaled)))
          .and(SCALE, max);
    });
    Node summarize = Node.builder("summarize").inputs(FEATURES, SCALE).outputs(SUMMARY).run(in -> {
      double[] scaled = ((DoubleColumn) in.get(FEATURES).column("x_scaled")).toDoubleArray();
      double sum = 0;
      for (double v : scaled) {
        sum += v;
      }
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("rows", (double) scaled.length);
      values.put("mean_scaled", scaled.length == 0 ? 0 : sum / scaled.length);
      values.put("scale", in.get(SCALE));
      Pause.here("mid", "summarize");
      return Outputs.of(SUMMARY, Metrics.of(values));
    });
    Node report = Node.of("report", SUMMARY, REPORT, summary -> {
      StringBuilder text = new StringBuilder("summary\n");
      summary.values().forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
      Pause.here("mid", "report");
      return text.toString();
    });
    return Map.of(DEFAULT, Pipeline.of(clean, featurize, summarize, report));
  }
}
