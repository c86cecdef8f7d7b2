package dev.yardstick.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a live progress line shows while a run goes on: counts and the TTFT and E2E distributions so far, all models
 * together. Taken from the recorder's running totals without encoding or summarizing anything, so a line redrawn a
 * few times a second costs the writers nothing measurable.
 *
 * @param attempted  counted requests ended so far (warm-up excluded)
 * @param failed     of those, the failed ones
 * @param warmups    warm-up requests ended so far
 */
public record RunningFigures(long attempted, long failed, long warmups, Histogram ttftMicros, Histogram e2eMicros) {

    /** TTFT at a percentile in milliseconds; NaN before the first success. */
    public double ttftMs(double percentile) {
        return ms(ttftMicros, percentile);
    }

    /** E2E at a percentile in milliseconds; NaN before the first success. */
    public double e2eMs(double percentile) {
        return ms(e2eMicros, percentile);
    }

    /** Every request ended so far, warm-up included. */
    public long ended() {
        return attempted + warmups;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : Metric.TTFT.fromRecorded(h.getValueAtPercentile(percentile));
    }

    /** Adds the models' running totals up. */
    static final class Builder {
        private long attempted;
        private long failed;
        private long warmups;
        // Auto-resizing, like the tallies they add up.
        private final Histogram ttft = new Histogram(Tally.SIGNIFICANT_DIGITS);
        private final Histogram e2e = new Histogram(Tally.SIGNIFICANT_DIGITS);

        void add(RequestCounts counts, AbstractHistogram ttftHistogram, AbstractHistogram e2eHistogram) {
            attempted += counts.attempted();
            failed += counts.failed();
            warmups += counts.warmupsSkipped();
            ttft.add(ttftHistogram);
            e2e.add(e2eHistogram);
        }

        RunningFigures build() {
            return new RunningFigures(attempted, failed, warmups, ttft, e2e);
        }
    }
}
