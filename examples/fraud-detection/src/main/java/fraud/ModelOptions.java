package fraud;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The XGBoost settings, from parameters.yml 'model'.
 *
 * @param rounds maximum boosting rounds
 * @param earlyStoppingRounds rounds without improvement on the validation set before stopping
 * @param params XGBoost parameters
 * @param scalePosWeight 'auto' (negatives / positives) or a number
 */
public record ModelOptions(int rounds,
    @JsonProperty("early_stopping_rounds") int earlyStoppingRounds, Map<String, Object> params,
    @JsonProperty("scale_pos_weight") String scalePosWeight) {}
