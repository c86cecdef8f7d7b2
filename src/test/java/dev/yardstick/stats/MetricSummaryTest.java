package dev.yardstick.stats;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
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
        // n = 100, exact binomial: P(B ≤ 39) = 0.018 ≤ 2.5% < P(B ≤ 40), P(B ≥ 61) = 0.018 → the 40th and 61st values
        assertEquals(40, s.medianCiLow(), 0.05);
        assertEquals(61, s.medianCiHigh(), 0.05);
        assertEquals(s.medianCi(), s.ci95().get("p50"), "the median's interval is the p50 interval");
    }

    @Test
    void aPercentileIsSupportedOnlyWhenAnOrderStatisticLiesAboveItAtTheConfidence() {
        // p99 at 95%: the top value bounds it only when 0.99^n ≤ 2.5%, i.e. from n = 368 on
        assertEquals(368, PercentileIntervals.ranks(367, 0.99, 0.95)[1], "no rank above: unsupported");
        assertEquals(368, PercentileIntervals.ranks(368, 0.99, 0.95)[1], "the maximum bounds it");
        assertEquals(72, PercentileIntervals.ranks(72, 0.95, 0.95)[1]);
        assertEquals(72, PercentileIntervals.ranks(71, 0.95, 0.95)[1]);
        // a lower confidence asks for fewer values: 0.99^n ≤ 5% from n = 299 on at 90%
        assertEquals(299, PercentileIntervals.ranks(299, 0.99, 0.90)[1]);

        Histogram h = new Histogram(3);
        for (int v = 1; v <= 200; v++) {
            h.recordValue(v * 1000L);
        }
        MetricSummary s = MetricSummary.of(Metric.TTFT, "f", h);
        assertEquals(List.of("p50", "p90", "p95", "p99", "p99.9"), List.copyOf(s.ci95().keySet()));
        assertTrue(s.ci95().get("p95").bounded() && s.ci95().get("p95").contains(s.p95()), s.ci95().toString());
        Interval p99 = s.ci95().get("p99");
        assertFalse(p99.bounded(), "p99 of 200 values has no upper end");
        assertTrue(p99.low() > 190 && p99.low() <= s.p99(), "its lower end is still known: " + p99);
    }

    @Test
    void p95IntervalCoversTheTrueP95AboutNinetyFivePercentOfTheTime() {
        double trueP95Ms = -200 * Math.log(0.05);
        SplittableRandom random = new SplittableRandom(11);
        int trials = 400;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            Interval ci = MetricSummary.of(Metric.TTFT, "f", exponential(random, 300)).ci95().get("p95");
            if (ci.contains(trueP95Ms)) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        // exact order-statistic intervals are conservative: at least 95% up to the sampling noise of 400 trials
        assertTrue(coverage > 0.92 && coverage < 0.995, "coverage " + coverage);
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

    @Test
    void interTokenGapsCountRequestsNotGapsInTheirIntervals() {
        // 100 requests of 10 gaps each: the gaps of one request move together, so only 100 values are independent
        Histogram h = new Histogram(3);
        SplittableRandom random = new SplittableRandom(3);
        for (int request = 0; request < 100; request++) {
            long stall = random.nextInt(4) == 0 ? 3000 : 0;
            for (int gap = 0; gap < 10; gap++) {
                h.recordValue(4000 + stall + random.nextInt(100));
            }
        }
        Interval asGaps = PercentileIntervals.of(Metric.ITL, h, 0.5, 0.95);
        Interval asRequests = PercentileIntervals.of(Metric.ITL, h, 0.5, 0.95, 100);
        assertTrue(asRequests.width() > asGaps.width() && asRequests.contains(asGaps.low())
                && asRequests.contains(asGaps.high()), asGaps + " within " + asRequests);
        assertTrue(PercentileIntervals.of(Metric.ITL, h, 0.99, 0.95).bounded(), "1000 gaps would bound a p99");
        assertFalse(PercentileIntervals.of(Metric.ITL, h, 0.99, 0.95, 100).bounded(),
                "100 requests do not");
        assertEquals(100, PercentileIntervals.independentValues(Metric.ITL, 1000, 100));
        assertEquals(1000, PercentileIntervals.independentValues(Metric.TTFT, 1000, 100));
    }
}
