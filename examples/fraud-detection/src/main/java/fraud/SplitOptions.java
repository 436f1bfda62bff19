package fraud;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How to split the data, from parameters.yml 'split'.
 *
 * @param testSize share of rows for the test set
 * @param validationSize share of training rows held out for early stopping
 * @param seed random seed
 */
public record SplitOptions(@JsonProperty("test_size") double testSize,
    @JsonProperty("validation_size") double validationSize, long seed) {}
