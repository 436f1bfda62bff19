package usedcars;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the generator wrote: the options it used and the listings it gave a defect, by kind.
 *
 * @param options the batch options
 * @param listingYear the year the cars were listed
 * @param badRows the number of rows with a defect
 * @param injected listing ids by defect kind (see {@link BadRows#KINDS})
 */
public record GenerationReport(BatchOptions options,
    @JsonProperty("listing_year") int listingYear, @JsonProperty("bad_rows") int badRows,
    Map<String, List<Long>> injected) {}
