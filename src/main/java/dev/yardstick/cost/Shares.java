package dev.yardstick.cost;

import dev.yardstick.config.InputException;

/**
 * The shares a scenario assumes, each in [0, 1]: of input tokens read from the prompt cache ({@code cache}), of
 * input tokens written to it ({@code cacheWrite}, billed where the provider bills writes), and of requests sent
 * through the batch API ({@code batch}).
 */
public record Shares(double cache, double cacheWrite, double batch) {

    public static final Shares NONE = new Shares(0, 0, 0);

    public Shares {
        share("cache-share", cache);
        share("cache-write-share", cacheWrite);
        share("batch-share", batch);
        if (cache + cacheWrite > 1 + 1e-12) {
            throw new InputException("'cache-share' + 'cache-write-share' cannot exceed 1 (they are shares of the "
                    + "same input tokens), got " + cache + " + " + cacheWrite);
        }
    }

    public Shares withCache(double share) {
        return new Shares(share, cacheWrite, batch);
    }

    public Shares withBatch(double share) {
        return new Shares(cache, cacheWrite, share);
    }

    private static void share(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InputException("'" + field + "' must be a share between 0 and 1, got " + value);
        }
    }
}
