package dev.yardstick.stats;

import dev.yardstick.engine.Sample;

/**
 * Requests whose content arrived in one burst: a stall, then every chunk at once (a buffering proxy, a client that
 * fell behind, a server that flushes late). Their decode time is the time to read a buffer, not to generate, so
 * their per-request tokens/s is absurd (tens of thousands): they are counted apart and kept out of that
 * distribution, never silently mixed into it.
 */
public final class Bursts {

    /** Every gap below this: faster than any model generates tokens one chunk at a time. */
    static final long MAX_GAP_NANOS = 500_000;
    /** ... and the whole decode shorter than this share of the wait for the first chunk: the stall before it. */
    static final int STALL_TO_DECODE = 10;

    private Bursts() {
    }

    /** True for a successful request of at least two content chunks that all arrived in one burst after a stall. */
    public static boolean of(Sample s) {
        long[] gaps = s.itlNanos();
        if (!s.ok() || gaps == null || gaps.length == 0 || s.ttftNanos() <= 0) {
            return false;
        }
        for (long gap : gaps) {
            if (gap >= MAX_GAP_NANOS) {
                return false;
            }
        }
        long decode = s.e2eNanos() - s.ttftNanos();
        return decode * STALL_TO_DECODE < s.ttftNanos();
    }

    /** How the report describes the rule. */
    public static String rule() {
        return "a burst: at least two content chunks, every gap between them under " + MAX_GAP_NANOS / 1000
                + " µs, all after a wait for the first chunk more than " + STALL_TO_DECODE + "× the time they took";
    }
}
