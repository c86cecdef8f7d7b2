package dev.yardstick.benchmark;

import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.Ramp;
import java.util.Locale;

/**
 * One step of a benchmark: the load it offers, for the whole plan. A plan without a sweep has one step; a sweep one
 * per value. On a shard the step runs {@link #forShard its share} of the load.
 *
 * @param number  1-based
 * @param label   {@code concurrency=8} or {@code rate=20/s}, how reports name and match the step
 */
public record LoadStep(int number, String label, LoadShape load) {

    public static LoadStep closed(int number, int concurrency) {
        LoadShape load = new LoadShape.Closed(concurrency);
        return new LoadStep(number, label(load), load);
    }

    public static LoadStep open(int number, double rate, LoadShape.Arrival arrival, long seed, int maxConcurrency) {
        LoadShape load = new LoadShape.Open(rate, arrival, seed, maxConcurrency);
        return new LoadStep(number, label(load), load);
    }

    /** A rate that ramps linearly, then holds its end rate. */
    public static LoadStep ramp(int number, Ramp ramp, LoadShape.Arrival arrival, long seed, int maxConcurrency) {
        LoadShape load = new LoadShape.Open(ramp, arrival, seed, maxConcurrency);
        return new LoadStep(number, label(load), load);
    }

    /** {@code concurrency=8}, {@code rate=20/s} or {@code ramp=0→50/s over 120s}. */
    public static String label(LoadShape load) {
        return switch (load) {
            case LoadShape.Closed c -> "concurrency=" + c.concurrency();
            case LoadShape.Open o -> o.ramp() != null ? "ramp=" + o.ramp().text()
                    : "rate=" + rate(o.ratePerSecond()) + "/s";
        };
    }

    /** This shard's part: concurrency and rate divided, Poisson arrivals from a seed of the shard's own. */
    public LoadShape forShard(Shard shard) {
        if (shard.whole()) {
            return load;
        }
        return switch (load) {
            case LoadShape.Closed c -> new LoadShape.Closed(shard.share(c.concurrency()));
            case LoadShape.Open o -> new LoadShape.Open(shard.share(o.ratePerSecond()), o.arrival(),
                    o.seed() * 31 + shard.index(), Math.max(1, shard.share(o.maxConcurrency())),
                    o.ramp() == null ? null : o.ramp().scaled(shard.share(o.ratePerSecond()) / o.ratePerSecond()));
        };
    }

    /** A rate without a needless ".0": 20, 2.5, 0.25. */
    static String rate(double rate) {
        return rate == Math.rint(rate) && rate < 1e15 ? Long.toString((long) rate)
                : String.format(Locale.ROOT, "%s", rate);
    }
}
