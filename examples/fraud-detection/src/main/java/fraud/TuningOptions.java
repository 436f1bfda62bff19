package fraud;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The optional hyperparameter search, from parameters.yml 'tuning'.
 *
 * @param scoring roc_auc, pr_auc, neg_log_loss
 * @param folds cross-validation folds
 * @param workers folds trained at once
 * @param sampleRows stratified sample of training rows searched on
 * @param rounds boosting rounds per fit
 * @param space parameter name to values to try (grid)
 */
public record TuningOptions(String scoring, int folds, int workers,
    @JsonProperty("sample_rows") int sampleRows, int rounds,
    Map<String, List<Object>> space) {}
