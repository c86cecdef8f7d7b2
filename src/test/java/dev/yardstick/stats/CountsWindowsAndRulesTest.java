package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.ErrorClass;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counters that add, windows that join, and the rules a single request is judged by. */
class CountsWindowsAndRulesTest {

    // --- counts ---

    @Test
    void requestCountsAddFieldByField() {
        RequestCounts a = new RequestCounts(10, 7, 3, 2, 1, 5, Map.of("timeout", 3L));
        RequestCounts b = new RequestCounts(4, 3, 1, 1, 2, 2, Map.of("timeout", 1L, "http-5xx", 0L));
        assertEquals(new RequestCounts(14, 10, 4, 3, 3, 7, Map.of("timeout", 4L)), a.plus(b));
    }

    @Test
    void errorClassesAreKeptInTheGuidesOrderThenUnknownOnesAsGivenAndZerosDropped() {
        Map<String, Long> given = new LinkedHashMap<>();
        given.put("quota-exceeded", 2L); // a class a newer version wrote
        given.put("timeout", 1L);
        given.put("rate-limited", 3L);
        given.put("connection", 0L);
        given.put("overloaded", 0L);
        RequestCounts counts = new RequestCounts(6, 0, 6, 0, 0, 0, given);
        assertEquals(List.of("rate-limited", "timeout", "quota-exceeded"), new ArrayList<>(counts.errors().keySet()));
        assertEquals(2L, counts.errors().get("quota-exceeded"));
    }

    @Test
    void sourceCountsAddAndNameTheirSource() {
        SourceCounts sum = new SourceCounts(1, 2, 3).plus(new SourceCounts(10, 20, 30));
        assertEquals(new SourceCounts(11, 22, 33), sum);
        assertEquals(22, sum.counted());
        assertEquals("counted", new SourceCounts(0, 4, 0).label());
        assertEquals("estimated", new SourceCounts(0, 0, 1).label());
        assertEquals("none", SourceCounts.NONE.label());
        assertEquals("mixed: reported 1, counted 2, estimated 3", new SourceCounts(1, 2, 3).label());
    }

    @Test
    void aModelsTokenSourceIsOneWordWhenInputAndOutputAgree() {
        SourceCounts reported = new SourceCounts(5, 0, 0);
        SourceCounts estimated = new SourceCounts(0, 0, 5);
        assertEquals(Optional.empty(), SourceCounts.describe(SourceCounts.NONE, SourceCounts.NONE));
        assertEquals(Optional.of("reported"), SourceCounts.describe(reported, reported));
        assertEquals(Optional.of("input estimated; output reported"), SourceCounts.describe(estimated, reported));
        assertEquals(Optional.of("input none; output reported"), SourceCounts.describe(SourceCounts.NONE, reported));
        assertEquals(Optional.of("input reported; output none"), SourceCounts.describe(reported, SourceCounts.NONE));
    }

    @Test
    void tokenTotalsAddFieldByField() {
        TokenTotals a = new TokenTotals(100, 40, 10, new SourceCounts(1, 0, 0), new SourceCounts(0, 1, 0));
        TokenTotals b = new TokenTotals(5, 4, 3, new SourceCounts(0, 0, 2), new SourceCounts(2, 0, 0));
        assertEquals(new TokenTotals(105, 44, 13, new SourceCounts(1, 0, 2), new SourceCounts(2, 1, 0)), a.plus(b));
    }

    @Test
    void flagsKeepTheShortestAnswerAndTheLengthAskedWhicheverSideHasThem() {
        RequestFlags none = RequestFlags.NONE;
        RequestFlags shortOnes = new RequestFlags(1, 20, 2, 12);
        RequestFlags shorter = new RequestFlags(2, 20, 1, 5);
        assertEquals(new RequestFlags(1, 20, 2, 12), none.plus(shortOnes));
        assertEquals(new RequestFlags(1, 20, 2, 12), shortOnes.plus(none));
        assertEquals(new RequestFlags(3, 20, 3, 5), shortOnes.plus(shorter));
        assertEquals(new RequestFlags(3, 20, 3, 5), shorter.plus(shortOnes));
        assertEquals(new RequestFlags(0, 30, 0, null), new RequestFlags(0, 30, 0, null).plus(none));
    }

    // --- windows ---

    @Test
    void aWindowMayBeAnInstantButNeverEndBeforeItStarts() {
        assertEquals(0, new Window(5, 5).seconds());
        assertEquals(1.5, new Window(1_000_000, 2_500_000).seconds(), 0);
        assertThrows(IllegalArgumentException.class, () -> new Window(5, 4));
    }

    @Test
    void nothingCountedJoinsAnyWindowAsItself() {
        Window w = new Window(10, 20);
        assertEquals(w, Window.NONE.union(w));
        assertEquals(w, w.union(Window.NONE));
        assertEquals(new Window(5, 30), w.union(new Window(5, 30)));
        assertEquals(new Window(10, 40), w.union(new Window(15, 40)));
    }

    @Test
    void windowsOfNothingCountedDoNotShareInTheCommonPart() {
        assertEquals(1.0, Window.commonShare(List.of(new Window(10, 100), Window.NONE)), 0);
        assertEquals(1.0, Window.commonShare(List.of(Window.NONE, Window.NONE, new Window(10, 100))), 0);
        assertEquals(1.0, Window.commonShare(List.of(new Window(50, 50), new Window(50, 50))), 0,
                "two instants at the same moment");
        assertEquals(0.0, Window.commonShare(List.of(new Window(50, 50), new Window(60, 60))), 0);
    }

    // --- a request's rules ---

    private static SampleBuilder burst() {
        return sample().ttft(1000).e2e(1000 + 99.9).gaps(0.1, 0.1);
    }

    @Test
    void aBurstIsEveryGapUnderHalfAMillisecondAfterAStallTenTimesItsLength() {
        assertTrue(Bursts.of(burst().build()));
        assertFalse(Bursts.of(burst().gapsNanos(new long[] {100_000, 500_000}).build()), "a gap of 0.5 ms");
        assertTrue(Bursts.of(burst().gapsNanos(new long[] {100_000, 499_999}).build()));
        assertFalse(Bursts.of(burst().e2e(1100).build()), "decode exactly a tenth of the stall");
        assertFalse(Bursts.of(burst().gaps().build()), "one chunk is no burst");
        assertFalse(Bursts.of(burst().failed(ErrorClass.TIMEOUT).build()));
        assertFalse(Bursts.of(sample().ttft(0).e2e(0).gaps(0.1).build()), "no stall");
        assertEquals("a burst: at least two content chunks, every gap between them under 500 µs, all after a wait"
                + " for the first chunk more than 10× the time they took", Bursts.rule());
    }

    @Test
    void sloBoundsIncludeTheLimitAndAFirstChunkAtOnceMeetsIt() {
        Slo ttft = new Slo(Metric.TTFT, Duration.ofMillis(500));
        assertTrue(ttft.meets(sample().ttft(500).e2e(900).build()));
        assertFalse(ttft.meets(sample().ttft(500.001).e2e(900).build()));
        assertTrue(ttft.meets(sample().ttft(0).e2e(900).build()));
        assertFalse(ttft.meets(sample().ttft(-1).e2e(900).build()), "no content chunk, no TTFT");
        Slo e2e = new Slo(Metric.E2E, Duration.ofSeconds(1));
        assertTrue(e2e.meets(sample().e2e(1000).build()));
        assertFalse(e2e.meets(sample().e2e(1000.001).build()));
        assertFalse(e2e.meets(sample().e2e(10).failed(ErrorClass.HTTP_4XX).build()));
        Slo itl = new Slo(Metric.ITL, Duration.ofMillis(50));
        assertTrue(itl.meets(sample().gaps(10, 50).build()));
        assertFalse(itl.meets(sample().gaps(10, 50.001).build()));
        assertTrue(itl.meets(sample().gapsNanos(null).build()), "no gaps, no stall");
        assertThrows(IllegalArgumentException.class, () -> new Slo(Metric.QUEUE, Duration.ofSeconds(1)));
    }

    @Test
    void anSloIsWrittenInTheLargestWholeUnit() {
        assertEquals("e2e=2h", new Slo(Metric.E2E, Duration.ofHours(2)).text());
        assertEquals("e2e=90m", new Slo(Metric.E2E, Duration.ofMinutes(90)).text());
        assertEquals("e2e=90s", new Slo(Metric.E2E, Duration.ofSeconds(90)).text());
        assertEquals("ttft=1500ms", new Slo(Metric.TTFT, Duration.ofMillis(1500)).text());
        assertEquals("itl=250us", new Slo(Metric.ITL, Duration.ofNanos(250_000)).text());
        assertEquals("tpot=0s", new Slo(Metric.TPOT, Duration.ZERO).text());
        SloSet set = SloSet.parse("e2e=120m,ttft=3600s");
        assertEquals("e2e=2h,ttft=1h", set.text());
        assertEquals("e2e=2h,ttft=1h", set.toString());
        assertFalse(set.none());
        assertTrue(SloSet.NONE.none());
    }

    @Test
    void anSloWithoutAMetricNameNamesTheMissingMetric() {
        InputException e = assertThrows(InputException.class, () -> SloSet.parse("=500ms"));
        assertEquals("unknown SLO metric '' in '=500ms' (use e2e, ttft, ttfo, itl, tpot)", e.getMessage());
    }

    // --- gates ---

    @Test
    void eachOperatorHoldsOnlyOnItsSideOfTheLimit() {
        assertFalse(Threshold.Operator.GREATER.holds(10, 10));
        assertTrue(Threshold.Operator.GREATER.holds(10.001, 10));
        assertTrue(Threshold.Operator.GREATER_OR_EQUAL.holds(10, 10));
        assertFalse(Threshold.Operator.GREATER_OR_EQUAL.holds(9.999, 10));
        assertFalse(Threshold.Operator.LESS.holds(10, 10));
        assertTrue(Threshold.Operator.LESS.holds(9.999, 10));
        assertTrue(Threshold.Operator.LESS_OR_EQUAL.holds(10, 10));
        assertFalse(Threshold.Operator.LESS_OR_EQUAL.holds(10.001, 10));
        assertEquals(">=", Threshold.Operator.GREATER_OR_EQUAL.symbol());
        assertEquals("<=", Threshold.Operator.LESS_OR_EQUAL.symbol());
    }

    @Test
    void aGateAtItsLimitFailsOnlyWithAnInclusiveOperator() {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        for (int i = 0; i < 10; i++) {
            recorder.record(sample().at(i * 100).e2e(100).build());
        }
        ModelStats stats = recorder.snapshot().getFirst(); // 10 successes in 1 s
        assertEquals(10, stats.requestThroughput(), 1e-9);
        Threshold atMost = Threshold.parse("throughput <= 10");
        assertTrue(atMost.evaluate(stats).failed());
        assertEquals("throughput = 10 req/s <= 10 req/s", atMost.evaluate(stats).message());
        assertFalse(Threshold.parse("throughput < 10").evaluate(stats).failed());
        assertTrue(Threshold.parse("throughput >= 10").evaluate(stats).failed());
        assertEquals("throughput >= 10", Threshold.parse(" throughput >= 10 ").toString());
    }

    // --- codec and labels ---

    @Test
    void aDamagedHistogramSaysWhatWasWrong() {
        assertEquals("malformed histogram (expected HdrHistogram compressed base64): IllegalArgumentException"
                + " Illegal base64 character 25", assertThrows(InputException.class,
                () -> HistogramCodec.decode("%%%%")).getMessage());
        assertEquals("missing histogram (the report has no encoded histogram to merge)",
                assertThrows(InputException.class, () -> HistogramCodec.decode(" ")).getMessage());
        Histogram h = new Histogram(3);
        h.recordValue(42);
        assertEquals(1, HistogramCodec.decode(" " + HistogramCodec.encode(h) + "\n").getTotalCount());
    }

    @Test
    void judgementsAreNamedAsReportsWriteThem() {
        assertEquals("regressed", Judgement.REGRESSED.label());
        assertEquals("within-allowance", Judgement.WITHIN_ALLOWANCE.label());
        assertEquals("too-few-samples", Judgement.TOO_FEW_SAMPLES.label());
        assertEquals("not-gated", Judgement.NOT_GATED.label());
    }

    @Test
    void aDiffListsEveryChangeOfEveryFigureInOrder() {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        recorder.record(sample().e2e(100).build());
        ModelStats stats = recorder.snapshot().getFirst();
        StatsDiff diff = StatsDiff.between(stats, stats);
        long recorded = java.util.Arrays.stream(Metric.values()).filter(m -> !m.onlyWhenRecorded()).count();
        assertEquals(recorded * 6 + Rate.values().length, diff.changes().size(), "no reasoning, no TTFO to compare");
        assertEquals(diff.figures().stream().map(FigureDiff::change).toList(), diff.changes());
        MetricDiff e2e = diff.metric(Metric.E2E);
        assertEquals(6, e2e.changes().size());
        assertSame(e2e.figures().get(5).change(), e2e.change(Stat.MEAN));
        assertEquals(100, e2e.changes().getFirst().current(), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> e2e.figure(Stat.MIN));
        assertEquals("min(e2e) is not compared", e.getMessage());
    }

    @Test
    void shardsThatCountedNothingHaveNoRateToAdd() {
        MetricsRecorder a = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        a.record(sample().warmup().build());
        MetricsRecorder b = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        b.record(sample().warmup().build());
        for (StatsMerger.Rule rule : StatsMerger.Rule.values()) {
            ModelStats merged = StatsMerger.merge(rule, List.of(a.snapshot(), b.snapshot())).getFirst();
            assertTrue(Double.isNaN(merged.requestThroughput()), rule.name());
            assertTrue(Double.isNaN(merged.goodput()), rule.name());
            assertEquals(2, merged.requests().warmupsSkipped());
        }
    }
}
