package usedcars;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How to split the clean listings, from parameters.yml {@code split}.
 *
 * @param testSize the share of rows held out for evaluation
 * @param validationSize the share of training rows held out for early stopping
 * @param seed the random seed
 */
public record SplitOptions(@JsonProperty("test_size") double testSize,
    @JsonProperty("validation_size") double validationSize, long seed) {}
