package dev.yardstick.cost.workload;

/**
 * Which columns of a usage log hold what. {@code input} and {@code output} must exist. {@code cached},
 * {@code cacheWrite} and {@code timestamp} are optional: when null, the default name is used if the log has such a
 * column; when named, the column must exist. {@code cachedIncludedInInput} says whether the input column already
 * counts the cached tokens (OpenAI's convention) or not (Anthropic's, where cache reads and writes are apart).
 */
public record UsageColumns(String input, String output, String cached, String cacheWrite, String timestamp,
                           boolean cachedIncludedInInput) {

    public static final String DEFAULT_INPUT = "input_tokens";
    public static final String DEFAULT_OUTPUT = "output_tokens";
    public static final String DEFAULT_CACHED = "cached_tokens";
    public static final String DEFAULT_CACHE_WRITE = "cache_write_tokens";
    public static final String DEFAULT_TIMESTAMP = "timestamp";

    public static final UsageColumns DEFAULTS = new UsageColumns(null, null, null, null, null, true);

    public UsageColumns {
        input = input == null ? DEFAULT_INPUT : input;
        output = output == null ? DEFAULT_OUTPUT : output;
    }
}
