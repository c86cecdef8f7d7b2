package dev.yardstick.stats;

import dev.yardstick.engine.ErrorClass;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsDiffTest {

    private static final Quantity P95_TTFT = new MetricStat(Stat.P95, Metric.TTFT);

    /** 1000 requests, one every 10 ms, latencies scaled by {@code factor}; every {@code failEvery}-th fails. */
    private static ModelStats run(double factor, int failEvery) {
        MetricsRecorder r = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        for (int i = 0; i < 1000; i++) {
            double e2e = (100 + i % 100) * factor;
            SampleBuilder b = sample().at(i * 10).queue(e2e / 10).ttft(e2e / 4).e2e(e2e).gaps(e2e / 40, e2e / 40)
                    .reported(5, 21);
            r.record((failEvery > 0 && i % failEvery == 0 ? b.failed(ErrorClass.HTTP_5XX) : b).build());
        }
        return r.snapshot().getFirst();
    }

    @Test
    void changeArithmeticKnowsWhichDirectionIsWorse() {
        Change slower = new Change(P95_TTFT, 800, 912);
        assertEquals(112, slower.absolute(), 1e-9);
        assertEquals(14, slower.relativePercent(), 1e-9);
        assertEquals(14, slower.worsePercent(), 1e-9);
        assertTrue(slower.worseBeyond(10));
        assertFalse(slower.worseBeyond(14));
        assertEquals("p95(ttft): 800 ms → 912 ms (+14%)", slower.describe());

        Change lessThroughput = new Change(Rate.THROUGHPUT, 10, 8);
        assertEquals(-20, lessThroughput.relativePercent(), 1e-9);
        assertEquals(20, lessThroughput.worsePercent(), 1e-9);
        assertTrue(lessThroughput.worseBeyond(10));
        assertFalse(new Change(Rate.THROUGHPUT, 10, 12).worseBeyond(0));

        assertEquals(Double.POSITIVE_INFINITY, new Change(P95_TTFT, 0, 5).relativePercent());
        assertEquals(0, new Change(P95_TTFT, 0, 0).relativePercent());
        assertFalse(new Change(P95_TTFT, Double.NaN, 5).worseBeyond(0), "undefined figures are not judged");
    }

    @Test
    void identicalRunsShowNoChangeAndNoRegression() {
        StatsDiff diff = StatsDiff.between(run(1, 0), run(1, 0));
        assertTrue(diff.regressions(0).isEmpty());
        assertFalse(diff.metric(Metric.E2E).medianSignificant());
        diff.changes().stream().filter(c -> !Double.isNaN(c.relativePercent()))
                .forEach(c -> assertEquals(0, c.relativePercent(), 1e-12, c.quantity().label()));
    }

    @Test
    void twentyPercentSlowerIsARegressionBeyondTenPercentButNotBeyondTwentyFive() {
        StatsDiff diff = StatsDiff.between(run(1, 0), run(1.2, 0));
        Change p50 = diff.metric(Metric.E2E).change(Stat.P50);
        assertEquals(20, p50.relativePercent(), 0.3);
        assertTrue(diff.metric(Metric.E2E).medianSignificant(), "a 20% shift over 1000 requests is not noise");

        List<String> worse = diff.regressions(10).stream().map(c -> c.quantity().label()).toList();
        assertTrue(worse.containsAll(List.of("p50(e2e)", "p95(e2e)", "p99(e2e)", "p50(ttft)", "p99(itl)")), worse.toString());
        assertFalse(worse.contains("p90(e2e)"), "only p50, p95 and p99 are gated");
        assertTrue(worse.contains("p50(output_rate)"), "per-request tokens/s fell by 1/6: a drop is worse");
        assertTrue(diff.regressions(25).stream().noneMatch(c -> c.quantity() instanceof MetricStat), worse.toString());
    }

    @Test
    void subMillisecondLatencyNoiseAndQueueTimeAreNotRegressions() {
        // Every timing 1.5x slower, but all under 0.15 ms: +50% of tens of µs is the client's noise.
        StatsDiff tiny = StatsDiff.between(run(0.0005, 0), run(0.00075, 0));
        assertTrue(tiny.metric(Metric.E2E).change(Stat.P50).worsePercent() > 40, "the relative change is large");
        assertTrue(tiny.regressions(10).stream().noneMatch(c -> c.quantity() instanceof MetricStat s
                && "ms".equals(s.unit())), tiny.regressions(10).toString());

        StatsDiff slower = StatsDiff.between(run(1, 0), run(1.5, 0));
        List<String> worse = slower.regressions(10).stream().map(c -> c.quantity().label()).toList();
        assertTrue(worse.contains("p50(e2e)"), worse.toString());
        assertTrue(worse.stream().noneMatch(label -> label.contains("(queue)")), "queue time is not gated: " + worse);
    }

    @Test
    void lowerThroughputIsARegressionAndErrorRateIsLeftToThresholds() {
        StatsDiff diff = StatsDiff.between(run(1, 0), run(1, 4)); // a quarter of the requests now fail
        Change throughput = diff.rate(Rate.THROUGHPUT).change();
        assertEquals(-25, throughput.relativePercent(), 0.1);
        List<Quantity> worse = diff.regressions(10).stream().map(Change::quantity).toList();
        assertTrue(worse.contains(Rate.THROUGHPUT) && worse.contains(Rate.OUTPUT_TPS) && worse.contains(Rate.GOODPUT),
                worse.toString());
        assertFalse(worse.contains(Rate.ERROR_RATE) || worse.contains(Rate.SLO_ATTAINMENT));
        Change errors = diff.rate(Rate.ERROR_RATE).change();
        assertEquals(0, errors.baseline());
        assertEquals(25, errors.current(), 1e-9);
    }

    @Test
    void aFigureRegressesOnlyWhenBeyondTheAllowanceAndOutsideTheNoise() {
        RegressionRule rule = new RegressionRule(10, 0.95, false);
        Interval base = new Interval(95, 105);
        Change worse = new Change(P95_TTFT, 100, 130);
        assertEquals(Judgement.REGRESSED, new FigureDiff(worse, base, new Interval(120, 140), true).judge(rule));
        assertEquals(Judgement.WITHIN_NOISE, new FigureDiff(worse, base, new Interval(104, 160), true).judge(rule),
                "+30%, but the intervals overlap");
        assertEquals(Judgement.WITHIN_ALLOWANCE, new FigureDiff(new Change(P95_TTFT, 100, 108), base,
                new Interval(106, 110), true).judge(rule), "significant, but within the 10% allowed");
        assertEquals(Judgement.IMPROVED, new FigureDiff(new Change(P95_TTFT, 100, 70), base, new Interval(60, 80),
                true).judge(rule));
        assertEquals(Judgement.TOO_FEW_SAMPLES, new FigureDiff(worse, new Interval(95, Double.NaN),
                new Interval(120, Double.NaN), true).judge(rule));
        assertEquals(Judgement.REGRESSED, new FigureDiff(worse, new Interval(95, Double.NaN),
                new Interval(120, Double.NaN), true).judge(new RegressionRule(10, 0.95, true)));
        assertEquals(Judgement.UNDEFINED, new FigureDiff(new Change(P95_TTFT, Double.NaN, 5), Interval.UNDEFINED,
                new Interval(4, 6), true).judge(rule));
        assertEquals(Judgement.NOT_GATED, new FigureDiff(worse, base, new Interval(120, 140), false).judge(rule));
        assertEquals(Judgement.WITHIN_ALLOWANCE, new FigureDiff(new Change(P95_TTFT, 0.05, 0.09),
                new Interval(0.04, 0.05), new Interval(0.08, 0.09), true).judge(rule), "+80% but under 0.1 ms");

        Change lessThroughput = new Change(Rate.THROUGHPUT, 100, 80);
        assertEquals(Judgement.REGRESSED, new FigureDiff(lessThroughput, new Interval(95, 105), new Interval(75, 85),
                true).judge(rule), "a throughput regresses downwards");
        assertEquals(Judgement.WITHIN_NOISE, new FigureDiff(lessThroughput, new Interval(90, 110),
                new Interval(70, 92), true).judge(rule));
    }

    @Test
    void everyComparedFigureCarriesAnIntervalAroundItsValue() {
        StatsDiff diff = StatsDiff.between(run(1, 0), run(1.2, 10));
        for (FigureDiff f : diff.figures()) {
            if (f.quantity() instanceof MetricStat s && s.metric() == Metric.QUEUE) {
                continue;
            }
            if (f.quantity() instanceof MetricStat s && s.stat() == Stat.P999) {
                assertFalse(f.baselineCi().bounded(), "p99.9 of 1000 or 2000 values has no upper end (3688 needed)");
                continue;
            }
            assertTrue(f.baselineCi().bounded() && f.currentCi().bounded(), f.toString());
            assertTrue(f.currentCi().low() <= f.change().current() * 1.001
                    && f.change().current() <= f.currentCi().high() * 1.001 + 1e-9, f.toString());
        }
        FigureDiff throughput = diff.rate(Rate.THROUGHPUT);
        assertTrue(throughput.significant() && throughput.judge(new RegressionRule(10, 0.95, false))
                == Judgement.REGRESSED, throughput.toString());
    }
}
