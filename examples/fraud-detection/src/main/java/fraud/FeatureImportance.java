package fraud;

import java.util.Map;

/**
 * The model's feature importances (total gain), stored as JSON.
 *
 * @param gain feature name to total gain
 */
public record FeatureImportance(Map<String, Double> gain) {}
