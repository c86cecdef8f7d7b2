package dev.yardstick.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges whether the client was saturated, from what {@link ClientWatch} measured. Either sign is enough: the
 * process kept nearly every core it may use busy, or its threads woke late (they queued for a core), so a chunk
 * that arrived was read late and every latency includes that wait.
 */
public final class Saturation {

    /** Busier than this share of every core the JVM may use: nothing is left to read responses promptly. */
    static final double CPU_SHARE_OF_CORES = 0.90;
    /**
     * The probe behind schedule for this share of the step, in percent: threads waited for a core before they could
     * read. A share, not a percentile, so one hiccup of a busy machine in a short step does not decide it.
     */
    static final double BEHIND_PERCENT = 5.0;
    /**
     * The least lateness, added up, that judges anything: in a step of a few hundred milliseconds, such as a short
     * compare, one pause of the JIT's start-up is already 10% of the step, and says nothing of the client's load.
     */
    static final double MIN_BEHIND_MS = 100;

    private Saturation() {
    }

    /** Why the client was saturated, or null when it was not. NaN figures (not measured) judge nothing. */
    public static String judge(double cpuPercentOfCore, int cores, Lag lag) {
        List<String> signs = new ArrayList<>();
        if (cpuPercentOfCore >= CPU_SHARE_OF_CORES * 100 * cores) {
            signs.add(String.format(Locale.ROOT, "its CPU was %.0f%% of a core with %d core%s available", cpuPercentOfCore,
                    cores, cores == 1 ? "" : "s"));
        }
        if (lag != null && lag.behindPercent() >= BEHIND_PERCENT && behindMs(lag) >= MIN_BEHIND_MS) {
            signs.add(String.format(Locale.ROOT, "its threads were behind schedule %.0f%% of the time, waking up to"
                    + " %.1f ms late (p99 %.1f ms)", lag.behindPercent(), lag.maxMs(), lag.p99Ms()));
        }
        if (signs.isEmpty()) {
            return null;
        }
        return "The client was saturated (" + String.join("; ", signs) + "): the latencies include the client's own"
                + " queueing. Lower the load per machine (fewer in flight, or shard the plan) to measure the endpoint.";
    }

    /** The probe's lateness added up: its share of the time watched, a wake-up (or one swallowed) per period. */
    private static double behindMs(Lag lag) {
        return lag.behindPercent() / 100 * lag.wakeups() * LagProbe.PERIOD_NANOS / 1e6;
    }

    /** The rule as a report's definitions state it. */
    public static String rule() {
        return String.format(Locale.ROOT, "the client counts as saturated when its process CPU reaches %.0f%% of"
                + " every core it may use, or when a virtual thread sleeping 10 ms at a time was behind schedule (its"
                + " lateness added up) for %.0f%% of the step or more, and %.0f ms at least", CPU_SHARE_OF_CORES * 100,
                BEHIND_PERCENT, MIN_BEHIND_MS);
    }
}
