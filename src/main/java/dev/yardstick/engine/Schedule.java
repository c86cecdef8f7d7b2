package dev.yardstick.engine;

import java.util.SplittableRandom;

/**
 * Open-loop start times, fixed in advance: constant spacing, or Poisson arrivals (exponential gaps) from a seed so
 * that two runs, or two shards, offer the same load. The arrivals are points of a unit-rate process (1, 2, 3, ...
 * or sums of unit exponentials) mapped through the inverse of the expected arrivals by time: s / rate at a fixed
 * rate, {@link Ramp#secondsAt} on a ramp.
 */
public final class Schedule {

    private final LoadShape.Open open;
    private final SplittableRandom random;
    private double expected;

    public Schedule(LoadShape.Open open) {
        this.open = open;
        this.random = new SplittableRandom(open.seed());
    }

    /** The next start time in nanoseconds from the run's start; the first is 0. */
    public long next() {
        double seconds = open.ramp() == null ? expected / open.ratePerSecond() : open.ramp().secondsAt(expected);
        expected += open.arrival() == LoadShape.Arrival.CONSTANT ? 1.0 : -Math.log(1.0 - random.nextDouble());
        return Math.round(seconds * 1e9);
    }
}
