package {{package}};

import java.util.Map;

/** How often each word occurs; stored as JSON by the catalog. */
public record WordCounts(Map<String, Integer> counts) {}
