package dev.yardstick.stats;

import dev.yardstick.engine.ErrorClass;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The intervals beside every figure: order statistics for percentiles, a bootstrap for means, Wilson for shares. */
class ConfidenceIntervalsTest {

    private static Histogram of(long... values) {
        Histogram h = new Histogram(Tally.SIGNIFICANT_DIGITS);
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }

    private static Histogram oneToThousand() {
        Histogram h = new Histogram(Tally.SIGNIFICANT_DIGITS);
        for (int v = 1; v <= 1000; v++) {
            h.recordValue(v);
        }
        return h;
    }

    // --- percentiles ---

    @Test
    void aRankWhoseTailIsExactlyTheAllowedShareIsKept() {
        // Of 4 values, P(none below the median) = 1/16: at 87.5% each tail may hold exactly 1/16
        assertArrayEquals(new long[] {1, 4}, PercentileIntervals.ranks(4, 0.5, 0.875));
        assertArrayEquals(new long[] {0, 5}, PercentileIntervals.ranks(4, 0.5, 0.95), "too few to bound a median");
    }

    @Test
    void theExactBinomialTakesUpToTheLargestIntCount() {
        long[] ranks = PercentileIntervals.ranks(Integer.MAX_VALUE, 0.5, 0.95);
        assertTrue(ranks[0] < Integer.MAX_VALUE / 2 && ranks[1] > Integer.MAX_VALUE / 2);
        assertThrows(IllegalArgumentException.class,
                () -> PercentileIntervals.ranks(Integer.MAX_VALUE + 1L, 0.5, 0.95));
    }

    @Test
    void theFirstAndLastValuesCanBoundAMedian() {
        // Of 6 values the 95% interval of the median runs from the smallest to the largest (ranks 1 and 6)
        Histogram h = of(1000, 2000, 3000, 4000, 5000, 6000);
        Interval median = PercentileIntervals.of(Metric.E2E, h, 0.5, 0.95);
        assertEquals(1, median.low(), 0.001);
        assertEquals(6, median.high(), 0.004);
        assertTrue(median.bounded());
    }

    @Test
    void anEmptyHistogramHasNoInterval() {
        assertEquals(Interval.UNDEFINED, PercentileIntervals.of(Metric.E2E, of(), 0.5, 0.95));
        assertEquals(Interval.UNDEFINED, PercentileIntervals.of(Metric.ITL, of(), 0.5, 0.95, 10));
    }

    @Test
    void gapsOfRequestsThatReportNoCountAreAllIndependent() {
        assertEquals(10, PercentileIntervals.independentValues(Metric.ITL, 10, 0));
        assertEquals(4, PercentileIntervals.independentValues(Metric.ITL, 10, 4));
        assertEquals(10, PercentileIntervals.independentValues(Metric.ITL, 10, 40));
    }

    @Test
    void aRecordedRunWidensItsGapIntervalsToCountRequests() {
        // 10 requests of 100 gaps each: the interval must be the one of 10 values, not of the 990 gaps
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        for (int request = 0; request < 10; request++) {
            double[] gaps = new double[100];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = 2 + request + i / 100.0;
            }
            recorder.record(sample().ttft(10).e2e(2000).gaps(gaps).build());
        }
        MetricSummary itl = recorder.snapshot().getFirst().metric(Metric.ITL);
        Histogram gaps = HistogramCodec.decode(itl.histogram());
        Interval asGaps = PercentileIntervals.of(Metric.ITL, gaps, 0.5, 0.95);
        Interval asRequests = PercentileIntervals.of(Metric.ITL, gaps, 0.5, 0.95, 10);
        assertEquals(asRequests, itl.medianCi());
        assertEquals(asRequests, itl.ci95().get("p50"));
        assertTrue(itl.medianCi().width() > 2 * asGaps.width(), itl.medianCi() + " against " + asGaps);
        assertEquals(1000, itl.count());
    }

    // --- means ---

    @Test
    void theMeanOfEqualValuesIsKnownExactly() {
        Interval i = MeanBootstrap.of(of(1000, 1000, 1000, 1000, 1000)).meanInterval(0.95);
        assertEquals(new Interval(1000, 1000), i);
    }

    @Test
    void anEmptyHistogramHasNoMeanInterval() {
        MeanBootstrap none = MeanBootstrap.of(of());
        assertEquals(Interval.UNDEFINED, none.meanInterval(0.95));
        assertEquals(Interval.UNDEFINED, none.ratioInterval(10, 0.95));
    }

    @Test
    void theMeansIntervalHasTheWidthOfItsStandardError() {
        // 1..1000 once each: mean 500.5, standard error 288.7 / √1000 = 9.13, so ±1.96 × 9.13 = ±17.9
        Histogram h = oneToThousand();
        Interval i = MeanBootstrap.of(h).meanInterval(0.95);
        assertEquals(500.5 - 17.9, i.low(), 2.5);
        assertEquals(500.5 + 17.9, i.high(), 2.5);
        Interval eighty = MeanBootstrap.of(h).meanInterval(0.8);
        assertEquals(500.5 - 11.7, eighty.low(), 2.5, "±1.28 standard errors");
        assertEquals(500.5 + 11.7, eighty.high(), 2.5);
    }

    @Test
    void aMeanOfMoreValuesThanItDrawsKeepsTheSpreadOfAllOfThem() {
        // 10,000 values, half 1000 and half 2000: mean 1500, standard error 500 / √10,000 = 5, so ±9.8
        Histogram h = new Histogram(3);
        h.recordValueWithCount(1000, 5000);
        h.recordValueWithCount(2000, 5000);
        Interval i = MeanBootstrap.of(h).meanInterval(0.95);
        assertEquals(1500 - 9.8, i.low(), 2);
        assertEquals(1500 + 9.8, i.high(), 2);
    }

    @Test
    void theMeanOfRareLargeValuesIsSkewedUpwards() {
        // 2 in 1000 values are large: a resample holds 0..6 of them, so the interval reaches further above the mean
        Histogram h = new Histogram(3);
        h.recordValueWithCount(10, 998);
        h.recordValueWithCount(10_000, 2);
        double mean = h.getMean();
        Interval i = MeanBootstrap.of(h).meanInterval(0.95);
        assertTrue(i.high() - mean > 1.2 * (mean - i.low()), i + " around " + mean);
        assertTrue(i.low() < mean && i.low() >= 10, i.toString());
    }

    @Test
    void atTheHighestConfidenceTheIntervalEndsAreTheExtremeResamples() {
        Histogram h = new Histogram(3);
        for (int v = 1; v <= 200; v++) {
            h.recordValue(v * 7L);
        }
        MeanBootstrap b = MeanBootstrap.of(h);
        Interval all = b.meanInterval(1);
        Interval nearlyAll = b.meanInterval(0.999);
        assertEquals(all.low(), nearlyAll.low(), 0, "the 0.05th percentile of 1000 resamples is the smallest");
        assertTrue(all.low() < b.meanInterval(0.95).low() && all.high() > b.meanInterval(0.95).high());
    }

    @Test
    void aThroughputIntervalIsTheInverseOfTheMeanLatencys() {
        Histogram h = oneToThousand();
        MeanBootstrap b = MeanBootstrap.of(h);
        Interval latency = b.meanInterval(0.95);
        Interval rate = b.ratioInterval(10, 0.95);
        assertEquals(10 * 500.5 / latency.high(), rate.low(), 1e-9);
        assertEquals(10 * 500.5 / latency.low(), rate.high(), 1e-9);
        assertEquals(Interval.UNDEFINED, b.ratioInterval(Double.NaN, 0.95));
    }

    @Test
    void aMeanThatMayBeZeroGivesNoThroughputInterval() {
        // two values, 0 and 1000: a quarter of resamples are all zeros, so the interval's low end is 0
        MeanBootstrap b = MeanBootstrap.of(of(0, 1000));
        assertEquals(0, b.meanInterval(0.95).low());
        assertEquals(Interval.UNDEFINED, b.ratioInterval(10, 0.95));
    }

    // --- shares ---

    @Test
    void sharesGetWilsonScoreIntervals() {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.parse("e2e=1s"), Instant.EPOCH);
        for (int i = 0; i < 100; i++) {
            SampleBuilder b = sample().at(i * 10).e2e(i % 20 == 0 ? 2000 : 100);
            recorder.record((i % 20 == 1 ? b.failed(ErrorClass.HTTP_5XX) : b).build());
        }
        ModelStats stats = recorder.snapshot().getFirst();
        assertEquals(5, stats.requests().failed());
        assertEquals(90, stats.requests().metSlo());
        StatsDiff diff = StatsDiff.between(stats, stats);
        Interval errors = diff.rate(Rate.ERROR_RATE).currentCi();
        assertEquals(2.154367915436798, errors.low(), 1e-9, "5 of 100 at 95%");
        assertEquals(11.17504692319191, errors.high(), 1e-9);
        Interval attained = StatsDiff.between(stats, stats, 0.9).rate(Rate.SLO_ATTAINMENT).baselineCi();
        // 90 of 100 at 90%: z = 1.645
        assertEquals(83.96444903889079, attained.low(), 1e-9);
        assertEquals(93.92813329845528, attained.high(), 1e-9);
    }

    @Test
    void aRunWithNothingCountedHasNoIntervals() {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        recorder.record(sample().warmup().build());
        ModelStats stats = recorder.snapshot().getFirst();
        StatsDiff diff = StatsDiff.between(stats, stats);
        assertEquals(Interval.UNDEFINED, diff.rate(Rate.ERROR_RATE).currentCi());
        assertEquals(Interval.UNDEFINED, diff.rate(Rate.THROUGHPUT).currentCi());
        assertEquals(Interval.UNDEFINED, diff.metric(Metric.TTFT).figure(Stat.P50).currentCi());
        assertEquals(Interval.UNDEFINED, diff.metric(Metric.TTFT).figure(Stat.MEAN).currentCi());
        assertFalse(diff.metric(Metric.TTFT).medianSignificant());
    }
}
