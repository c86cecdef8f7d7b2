package dev.yardstick.stats;

import dev.yardstick.engine.Sample;

import java.util.function.LongConsumer;

/**
 * How each {@link Metric} reads a successful sample: its values in recorded units (µs, milli-tokens/s), and whether
 * the sample meets an SLO on it. The hot path: raw values only, nothing derived that can wait for the snapshot.
 */
final class MetricReadings {

    private MetricReadings() {
    }

    static void e2e(Sample s, boolean burst, LongConsumer values) {
        values.accept(micros(s.e2eNanos()));
    }

    static void ttft(Sample s, boolean burst, LongConsumer values) {
        if (s.ttftNanos() >= 0) {
            values.accept(micros(s.ttftNanos()));
        }
    }

    /** Only requests that reasoned: for the others the first visible token is the first token, already TTFT. */
    static void ttfo(Sample s, boolean burst, LongConsumer values) {
        if (s.ttfoNanos() >= 0 && s.reasoned()) {
            values.accept(micros(s.ttfoNanos()));
        }
    }

    /** Per request reasoning tokens, × 1000 as every metric is recorded at {@link Metric#SCALE}. */
    static void reasoningTokens(Sample s, boolean burst, LongConsumer values) {
        if (s.reasoned()) {
            values.accept((long) s.tokens().reasoning() * Metric.SCALE);
        }
    }

    static void itl(Sample s, boolean burst, LongConsumer values) {
        if (s.itlNanos() != null) {
            for (long gap : s.itlNanos()) {
                values.accept(micros(gap));
            }
        }
    }

    static void tpot(Sample s, boolean burst, LongConsumer values) {
        double tpot = s.tpotNanos();
        if (tpot >= 0) { // NaN (undefined) fails this too
            values.accept(Math.round(tpot / 1e3));
        }
    }

    static void queue(Sample s, boolean burst, LongConsumer values) {
        if (s.queueNanos() >= 0) {
            values.accept(micros(s.queueNanos()));
        }
    }

    /** Per request output tokens / decode time; a burst's decode time is the time to read a buffer: left out. */
    static void outputRate(Sample s, boolean burst, LongConsumer values) {
        int output = s.tokens() == null ? 0 : s.tokens().output();
        long decodeNanos = s.e2eNanos() - s.ttftNanos();
        if (s.ttftNanos() >= 0 && output >= 2 && decodeNanos > 0 && !burst) {
            // tokens/s × 1000 (milli-tokens/s): output × 1e9 / nanos × 1e3
            values.accept(Math.round(output * 1e12 / decodeNanos));
        }
    }

    /** A success with no content chunk has no TTFT and does not meet a TTFT SLO. */
    static boolean ttftWithin(Sample s, long limitNanos) {
        return s.ttftNanos() >= 0 && s.ttftNanos() <= limitNanos;
    }

    /** A request that never showed visible output does not meet a TTFO SLO; one that did not reason is TTFT. */
    static boolean ttfoWithin(Sample s, long limitNanos) {
        return s.ttfoNanos() >= 0 && s.ttfoNanos() <= limitNanos;
    }

    static boolean e2eWithin(Sample s, long limitNanos) {
        return s.e2eNanos() <= limitNanos;
    }

    /** Every gap within the limit: no stall longer than it, which is what a reader of the stream notices. */
    static boolean everyGapWithin(Sample s, long limitNanos) {
        if (s.itlNanos() != null) {
            for (long gap : s.itlNanos()) {
                if (gap > limitNanos) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A 1-token output has no decode phase and meets a TPOT SLO. */
    static boolean tpotWithin(Sample s, long limitNanos) {
        double tpot = s.tpotNanos();
        return Double.isNaN(tpot) || tpot <= limitNanos;
    }

    private static long micros(long nanos) {
        return Metric.recordedMicros(nanos);
    }
}
