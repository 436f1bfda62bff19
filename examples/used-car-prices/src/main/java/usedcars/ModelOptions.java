package usedcars;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The XGBoost settings, from parameters.yml {@code model}.
 *
 * @param rounds the maximum number of boosting rounds
 * @param earlyStoppingRounds rounds without improvement on the validation rows before stopping
 * @param params XGBoost parameters
 */
public record ModelOptions(int rounds,
    @JsonProperty("early_stopping_rounds") int earlyStoppingRounds, Map<String, Object> params) {}
