package dev.yardstick.stats;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricSummaryTest {

    /** Exponential latencies (mean 200 ms) in µs; the true median is 200·ln 2 ms. */
    private static Histogram exponential(SplittableRandom random, int n) {
        Histogram h = new Histogram(3);
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.round(-Math.log(1 - random.nextDouble()) * 200_000));
        }
        return h;
    }

    @Test
    void medianIntervalCoversTheTrueMedianAboutNinetyFivePercentOfTheTime() {
        double trueMedianMs = 200 * Math.log(2);
        SplittableRandom random = new SplittableRandom(42);
        int trials = 400;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            MetricSummary s = MetricSummary.of(Metric.TTFT, "f", exponential(random, 200));
            assertTrue(s.medianCi().contains(s.p50()), "the median lies inside its own interval");
            if (s.medianCi().contains(trueMedianMs)) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        assertTrue(coverage > 0.91 && coverage < 0.995, "coverage " + coverage);
    }

    @Test
    void medianIntervalNarrowsWithMoreValues() {
        SplittableRandom random = new SplittableRandom(7);
        double small = MetricSummary.of(Metric.E2E, "f", exponential(random, 100)).medianCi().width();
        double large = MetricSummary.of(Metric.E2E, "f", exponential(random, 10_000)).medianCi().width();
        // width shrinks like 1/√n: 10× narrower for 100× the values, allow for noise
        assertTrue(large < small / 5, small + " → " + large);
    }

    @Test
    void intervalRanksAreTheOrderStatisticsAroundTheMiddle() {
        Histogram h = new Histogram(3);
        for (int v = 1; v <= 100; v++) {
            h.recordValue(v * 1000L); // 1..100 ms
        }
        MetricSummary s = MetricSummary.of(Metric.E2E, "f", h);
        // n = 100: ranks 50 ∓ 1.96·10/2 = 40.2 and 59.8 → 40th and 60th values
        assertEquals(40, s.medianCiLow(), 0.05);
        assertEquals(60, s.medianCiHigh(), 0.05);
    }

    @Test
    void fewerThanThirtyValuesAreFlaggedAndNoneGiveNaN() {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 29; i++) {
            h.recordValue(1000);
        }
        assertTrue(MetricSummary.of(Metric.ITL, "f", h).lowSample());
        h.recordValue(1000);
        assertFalse(MetricSummary.of(Metric.ITL, "f", h).lowSample());

        MetricSummary empty = MetricSummary.of(Metric.ITL, "f", new Histogram(3));
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.p50()) && Double.isNaN(empty.mean()) && Double.isNaN(empty.medianCiLow()));
        assertTrue(empty.lowSample());
    }

    @Test
    void aPercentileIsTheMaxWhenTooFewValuesLieAboveIt() {
        assertTrue(Stat.P99.isMaxFor(99));
        assertFalse(Stat.P99.isMaxFor(101));
        assertTrue(Stat.P95.isMaxFor(19));
        assertFalse(Stat.P50.isMaxFor(3));
        assertFalse(Stat.MEAN.isMaxFor(1));
    }
}
