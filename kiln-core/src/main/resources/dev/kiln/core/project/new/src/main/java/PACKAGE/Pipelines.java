package {{package}};

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import java.util.Map;

/** The project's pipelines; named in conf/base/kiln.yml. */
public final class Pipelines implements PipelineRegistry {
  static final DatasetRef<String> CORPUS = DatasetRef.of("corpus", String.class);
  static final DatasetRef<String[]> WORDS = DatasetRef.of("words", String[].class);
  static final DatasetRef<WordCounts> COUNTS = DatasetRef.of("word_counts", WordCounts.class);
  static final DatasetRef<Metrics> SUMMARY = DatasetRef.of("summary", Metrics.class);
  static final DatasetRef<Integer> MIN_LENGTH = DatasetRef.param("report.min_length", Integer.class);
  static final DatasetRef<Integer> TOP_N = DatasetRef.param("report.top_n", Integer.class);

  @Override
  public Map<String, Pipeline> pipelines() {
    Pipeline words = Pipeline.of(
        Node.of("tokenize", CORPUS, MIN_LENGTH, WORDS, TextNodes::tokenize),
        Node.of("count_words", WORDS, COUNTS, TextNodes::count));
    Pipeline report = Pipeline.of(
        Node.of("summarize", COUNTS, TOP_N, SUMMARY, TextNodes::summarize));
    return Map.of("words", words, "report", report, DEFAULT, words.plus(report));
  }
}
