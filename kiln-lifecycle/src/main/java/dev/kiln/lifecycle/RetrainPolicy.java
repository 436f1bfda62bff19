package dev.kiln.lifecycle;

import dev.kiln.core.config.ProjectConfig;
import dev.kiln.core.project.PipelineRegistry;

/**
 * What {@code kiln retrain} does, from the {@code retrain} section of {@code kiln.yml}:
 *
 * <pre>
 * retrain:
 *   model: used-car-prices     # registered model name (default: the project's name)
 *   pipeline: __default__      # validates the new data, trains and packages the bundle
 *   bundle: model_bundle       # catalog dataset the pipeline writes the bundle to
 *   holdout: test              # catalog dataset of the holdout rows, label included
 *   metric: rmse               # compared between challenger and champion
 *   max_regression: 0.02       # challenger may be at most 2% worse than the champion
 *   floor: 2500                # absolute bound: a maximum for errors, a minimum for scores
 *   promote: true              # move 'champion' to a blessed challenger
 * </pre>
 *
 * @param model the registered model name
 * @param pipeline the pipeline to run
 * @param bundleDataset the catalog name of the packaged bundle
 * @param holdoutDataset the catalog name of the holdout frame
 * @param rule the blessing rule
 * @param promote whether a blessed challenger becomes champion at once (false: it stays
 *     {@code challenger}, e.g. for a canary)
 */
public record RetrainPolicy(String model, String pipeline, String bundleDataset,
    String holdoutDataset, BlessingRule rule, boolean promote) {
  /** The catalog dataset of the retrained bundle when {@code retrain.bundle} is not set. */
  public static final String DEFAULT_BUNDLE = "model_bundle";

  /**
   * Reads the policy of a project.
   *
   * @throws LifecycleException if {@code retrain.metric} is missing or a number is malformed
   */
  public static RetrainPolicy of(ProjectConfig config, String projectName) {
    String metric = config.setting("retrain.metric").orElseThrow(() -> new LifecycleException(
        "kiln.yml has no retrain.metric, the metric that judges a retrained model.",
        "add e.g. 'retrain: {metric: rmse, max_regression: 0.02}' to conf/base/kiln.yml"));
    return new RetrainPolicy(config.setting("retrain.model").orElse(projectName),
        config.setting("retrain.pipeline").orElse(PipelineRegistry.DEFAULT),
        config.setting("retrain.bundle").orElse(DEFAULT_BUNDLE),
        config.setting("retrain.holdout").orElse("test"),
        new BlessingRule(metric, number(config, "retrain.max_regression", 0.0),
            config.setting("retrain.floor").map(f -> number(config, "retrain.floor", 0.0))
                .orElse(null)),
        !config.setting("retrain.promote").map("false"::equalsIgnoreCase).orElse(false));
  }

  private static double number(ProjectConfig config, String key, double otherwise) {
    String text = config.setting(key).orElse(null);
    if (text == null) {
      return otherwise;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new LifecycleException(key + " in kiln.yml is '" + text + "', not a number.",
          "write a number, e.g. 0.02");
    }
  }
}
