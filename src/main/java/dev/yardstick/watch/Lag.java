package dev.yardstick.watch;

/**
 * How late the lag probe woke from its sleeps: the client's scheduling delay, the time a request's thread
 * waits for a core before it can read what arrived. Corrected for coordinated omission (a stall of 50 ms counts as
 * the wake-ups it swallowed), so a long stall weighs what it cost.
 *
 * @param wakeups        the probe's wake-ups (plus the ones a stall swallowed)
 * @param behindPercent  the probe's lateness added up, over the time it watched: the share of the step the client's
 *                       threads spent waiting for a core, in percent
 */
public record Lag(long wakeups, double p50Ms, double p99Ms, double maxMs, double behindPercent) {

    public static final Lag NONE = new Lag(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
