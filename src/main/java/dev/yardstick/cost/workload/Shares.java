package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.prices.PriceRow;

/**
 * The shares a scenario assumes, each in [0, 1]: of input tokens read from the prompt cache ({@code cache}), of
 * input tokens written to it ({@code cacheWrite}), and of requests sent through the batch API ({@code batch}).
 *
 * <p>A cache read implies a write where the provider bills writes apart (its price row has a cache-write price:
 * Anthropic's explicit caching, and the hosts that resell it). Such a cache holds a prefix for a few minutes: the
 * prefix is written once, then read until it expires, and written again. {@code writesPerRead} says how many tokens
 * are written per token read; the default, {@value #DEFAULT_WRITES_PER_READ}, is a prefix read five times per write
 * (a conversation of about ten turns with its history cached, or a shared prompt used five times within a cache
 * lifetime); a steady stream of requests sharing one prefix writes far less. Where caching is automatic (no
 * cache-write price), the request that fills the cache pays the ordinary input price, which the uncached share
 * already bills, so nothing is implied. A {@code cacheWrite} share given explicitly (a scenario's
 * {@code cache-write-share}, a usage log's cache-write column) replaces the implied one for every model.
 *
 * @param cacheWrite     the share of input tokens written to the cache, or null to imply it from the reads
 * @param writesPerRead  tokens written per token read, where writes are implied
 */
public record Shares(double cache, Double cacheWrite, double batch, double writesPerRead) {

    public static final double DEFAULT_WRITES_PER_READ = 0.2;
    public static final Shares NONE = new Shares(0, null, 0, DEFAULT_WRITES_PER_READ);

    public Shares {
        share("cache-share", cache);
        if (cacheWrite != null) {
            share("cache-write-share", cacheWrite);
            if (cache + cacheWrite > 1 + 1e-12) {
                throw new InputException("'cache-share' + 'cache-write-share' cannot exceed 1 (they are shares of "
                        + "the same input tokens), got " + cache + " + " + cacheWrite);
            }
        }
        share("batch-share", batch);
        if (!(writesPerRead >= 0 && writesPerRead <= 100)) {
            throw new InputException("'cache-writes-per-read' must be a number of tokens written per token read "
                    + "between 0 and 100 (0.2 = one write per five reads), got " + writesPerRead);
        }
    }

    /** Shares with an explicit write share, as a usage log or a test states them. */
    public Shares(double cache, double cacheWrite, double batch) {
        this(cache, (Double) cacheWrite, batch, DEFAULT_WRITES_PER_READ);
    }

    public Shares withCache(double share) {
        return new Shares(share, cacheWrite, batch, writesPerRead);
    }

    public Shares withBatch(double share) {
        return new Shares(cache, cacheWrite, share, writesPerRead);
    }

    /**
     * The share of input tokens written to the cache when this price row bills them: the explicit share where one
     * was given, else the reads' implied writes on a provider that bills writes apart (never more than the input
     * the reads leave), else none.
     */
    public double cacheWriteFor(PriceRow price) {
        if (cacheWrite != null) {
            return cacheWrite;
        }
        return price.billsCacheWrites() ? impliedCacheWrite() : 0;
    }

    /** The share of input the reads imply is written: never more than the input the reads leave. */
    public double impliedCacheWrite() {
        return Math.min(cache * writesPerRead, 1 - cache);
    }

    /**
     * The range of cache shares around this one over which every model's cost is linear in the cache share: the
     * implied writes stop growing where they meet the input the reads leave, at 1 / (1 + writesPerRead).
     */
    public double[] linearCacheRange() {
        if (cacheWrite != null) {
            return new double[] {0, 1 - cacheWrite};
        }
        double bend = 1 / (1 + writesPerRead);
        return cache <= bend ? new double[] {0, bend} : new double[] {bend, 1};
    }

    private static void share(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InputException("'" + field + "' must be a share between 0 and 1, got " + value);
        }
    }
}
