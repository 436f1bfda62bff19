package dev.kiln.lifecycle;

import java.util.Map;

/**
 * What a retraining did.
 *
 * @param pipelineRunId the tracked run of the training pipeline
 * @param decisionRunId the tracked run of the evaluation and decision
 * @param version the registered challenger version
 * @param championVersion the champion it was judged against, or null if there was none
 * @param challengerMetrics the challenger's holdout metrics
 * @param championMetrics the champion's metrics on the same holdout, or null
 * @param verdict the blessing verdict
 * @param promoted whether the challenger became champion
 * @param modelTests the challenger's model test results, or null when the project has none
 */
public record RetrainOutcome(String pipelineRunId, String decisionRunId, long version,
    Long championVersion, Map<String, Double> challengerMetrics,
    Map<String, Double> championMetrics, BlessingRule.Verdict verdict, boolean promoted,
    dev.kiln.lifecycle.modeltest.ModelTestReport modelTests) {}
