package usedcars;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How to generate one batch of listings, from parameters.yml {@code generate.batchN}.
 *
 * @param rows the number of listings
 * @param seed the random seed; the same seed gives the same file
 * @param market {@code baseline} or {@code drifted} (see {@link Market})
 * @param badShare the share of rows given one defect each (negative mileage, a future year, a
 *     missing price or an unknown fuel), for testing the validation gate
 * @param firstId the listing id of the first row; ids then count up
 */
public record BatchOptions(int rows, long seed, String market,
    @JsonProperty("bad_share") double badShare, @JsonProperty("first_id") long firstId) {}
