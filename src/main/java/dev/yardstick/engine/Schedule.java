package dev.yardstick.engine;

import java.util.SplittableRandom;

/**
 * Open-loop start times, fixed in advance: constant spacing, or Poisson arrivals (exponential gaps) from a seed so
 * that two runs, or two shards, offer the same load.
 */
final class Schedule {

    private final double meanGapNanos;
    private final LoadShape.Arrival arrival;
    private final SplittableRandom random;
    private double next;

    Schedule(LoadShape.Open open) {
        this.meanGapNanos = 1e9 / open.ratePerSecond();
        this.arrival = open.arrival();
        this.random = new SplittableRandom(open.seed());
    }

    /** The next start time in nanoseconds from the run's start; the first is 0. */
    long next() {
        long at = Math.round(next);
        next += arrival == LoadShape.Arrival.CONSTANT ? meanGapNanos
                : -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
        return at;
    }
}
