package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsMergerTest {

    private static final Instant RUN_START = Instant.parse("2026-11-02T10:00:00Z");
    private static final SloSet SLO = SloSet.parse("ttft=300ms,e2e=2s");

    private static Sample randomSample(SplittableRandom r, String model) {
        SampleBuilder b = sample().model(model).at(r.nextDouble(0, 60_000)).queue(r.nextDouble(0, 50))
                .attempts(r.nextInt(10) == 0 ? 2 : 1);
        if (r.nextInt(20) == 0) {
            return b.e2e(r.nextDouble(10, 5000)).failed(ErrorClass.values()[r.nextInt(ErrorClass.values().length)])
                    .build();
        }
        int output = 1 + r.nextInt(200);
        double[] gaps = new double[Math.max(0, output / 4 - 1)];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = r.nextDouble(0, 80);
        }
        double ttft = r.nextDouble(20, 800);
        return b.ttft(ttft).e2e(ttft + r.nextDouble(1, 3000)).reported(r.nextInt(1, 2000), output).gaps(gaps)
                .build();
    }

    /** A shard that retried nothing keeps no such figures: its main ones stand in, and the sum is still exact. */
    @Test
    void latencyWithoutRetriesMergesExactlyAlsoWhereAShardRetriedNothing() {
        MetricsRecorder a = new MetricsRecorder(SLO, RUN_START);
        MetricsRecorder b = new MetricsRecorder(SLO, RUN_START);
        RetryFreeRecorder retryFreeA = new RetryFreeRecorder();
        RetryFreeRecorder retryFreeB = new RetryFreeRecorder();
        RetryFreeRecorder single = new RetryFreeRecorder();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 3000; i++) {
            Sample s = randomSample(r, "mock/a");
            boolean toA = s.attempts() > 1 || r.nextBoolean(); // every retried request lands in shard A
            (toA ? a : b).record(s);
            (toA ? retryFreeA : retryFreeB).onSample(s);
            single.onSample(s);
        }
        assertEquals(null, retryFreeB.snapshot(), "shard B retried nothing");
        RetryFreeLatency want = single.snapshot().getFirst();
        RetryFreeLatency got = StatsMerger.mergeRetryFree(java.util.Arrays.asList(retryFreeA.snapshot(),
                retryFreeB.snapshot()), List.of(a.snapshot(), b.snapshot())).getFirst();
        assertTrue(want.retried() > 0);
        assertEquals(want.retried(), got.retried());
        for (MetricSummary[] pair : new MetricSummary[][] {{want.e2e(), got.e2e()}, {want.ttft(), got.ttft()}}) {
            assertEquals(pair[0].count(), pair[1].count());
            assertEquals(pair[0].p50(), pair[1].p50());
            assertEquals(pair[0].p99(), pair[1].p99());
            assertEquals(pair[0].max(), pair[1].max());
            assertEquals(pair[0].mean(), pair[1].mean(), 1e-9);
        }
        assertEquals(null, StatsMerger.mergeRetryFree(java.util.Arrays.asList(null, null),
                List.of(a.snapshot(), b.snapshot())), "nothing retried anywhere: no figures");
    }

    @Test
    void shardsMergeIntoExactlyWhatOneRecorderReports() {
        MetricsRecorder single = new MetricsRecorder(SLO, RUN_START);
        MetricsRecorder shardA = new MetricsRecorder(SLO, RUN_START);
        MetricsRecorder shardB = new MetricsRecorder(SLO, RUN_START);
        SplittableRandom r = new SplittableRandom(2026);
        for (int i = 0; i < 5000; i++) {
            Sample s = randomSample(r, i % 3 == 0 ? "mock/b" : "mock/a");
            single.record(s);
            (r.nextBoolean() ? shardA : shardB).record(s);
        }
        List<ModelStats> merged = StatsMerger.merge(shardA.snapshot(), shardB.snapshot());
        List<ModelStats> expected = single.snapshot();
        assertEquals(expected.size(), merged.size());
        for (int m = 0; m < expected.size(); m++) {
            ModelStats want = expected.get(m);
            ModelStats got = merged.get(m);
            assertEquals(want.model(), got.model());
            assertEquals(want.requests(), got.requests());
            assertEquals(want.tokens(), got.tokens());
            assertEquals(want.window(), got.window());
            assertEquals(want.flags(), got.flags());
            // Two shards over the same minute: the sum of their rates is the one run's, to the edges of the windows.
            assertEquals(want.requestThroughput(), got.requestThroughput(), want.requestThroughput() * 0.01);
            assertEquals(want.goodput(), got.goodput(), want.goodput() * 0.01);
            for (Metric metric : Metric.values()) {
                MetricSummary a = want.metric(metric);
                MetricSummary b = got.metric(metric);
                if (a == null) { // a metric only reasoning streams give
                    assertNull(b, metric.key());
                    continue;
                }
                assertEquals(withoutEncoding(a), withoutEncoding(b), metric.key());
                assertEquals(HistogramCodec.decode(a.histogram()), HistogramCodec.decode(b.histogram()));
            }
            assertTrue(got.metric(Metric.ITL).count() > 10_000, "the test exercised real distributions");
        }
    }

    /** The summary's figures; encodings of equal histograms may differ in their array sizing. */
    private static MetricSummary withoutEncoding(MetricSummary s) {
        return new MetricSummary(s.metric(), s.unit(), s.formula(), s.count(), s.min(), s.max(), s.mean(), s.stddev(),
                s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.medianCiLow(), s.medianCiHigh(), s.lowSample(), "");
    }

    @Test
    void shardsRunOneAfterTheOtherAddTheirOwnRatesNotTheUnionsDilutedOne() {
        MetricsRecorder early = new MetricsRecorder(SloSet.NONE, RUN_START);
        MetricsRecorder late = new MetricsRecorder(SloSet.NONE, RUN_START.plusSeconds(10));
        early.record(sample().at(0).e2e(1000).reported(1, 50).build());  // 0 s → 1 s
        late.record(sample().at(0).e2e(2000).reported(1, 50).build());   // 10 s → 12 s
        List<ModelStats> parts = List.of(early.snapshot().getFirst(), late.snapshot().getFirst());
        ModelStats merged = StatsMerger.merge(List.of(parts.get(0)), List.of(parts.get(1))).getFirst();
        long start = RUN_START.getEpochSecond() * 1_000_000L;
        assertEquals(new Window(start, start + 12_000_000), merged.window(), "the window still spans both, in epoch time");
        assertEquals(12.0, merged.windowSeconds(), 1e-9);
        assertEquals(1 / 1.0 + 1 / 2.0, merged.requestThroughput(), 1e-12);
        assertEquals(50 / 1.0 + 50 / 2.0, merged.outputTokensPerSecond(), 1e-12);
        assertEquals(0.0, Window.commonShare(parts.stream().map(ModelStats::window).toList()), "they never overlapped");

        ModelStats pooled = StatsMerger.merge(StatsMerger.Rule.REPEATS, List.of(List.of(parts.get(0)),
                List.of(parts.get(1)))).getFirst();
        assertEquals(2 / 3.0, pooled.requestThroughput(), 1e-12, "repeats: every success over every second measured");
        assertEquals(100 / 3.0, pooled.outputTokensPerSecond(), 1e-12);
    }

    @Test
    void theCommonShareOfWindowsIsMeasuredOnTheShortest() {
        assertEquals(1.0, Window.commonShare(List.of(new Window(0, 100), new Window(10, 50))), 1e-12);
        assertEquals(0.5, Window.commonShare(List.of(new Window(0, 100), new Window(50, 150))), 1e-12);
        assertEquals(0.5, Window.commonShare(List.of(new Window(0, 100), new Window(25, 150), new Window(0, 50))),
                1e-12);
        assertEquals(0.0, Window.commonShare(List.of(new Window(0, 100), new Window(100, 150))), 1e-12);
        assertEquals(1.0, Window.commonShare(List.of(new Window(0, 100), Window.NONE)), 1e-12, "nothing ran apart");
    }

    @Test
    void aShardWithOnlyWarmupsLeavesTheWindowAlone() {
        MetricsRecorder warm = new MetricsRecorder(SloSet.NONE, RUN_START);
        MetricsRecorder real = new MetricsRecorder(SloSet.NONE, RUN_START.plusSeconds(100));
        warm.record(sample().warmup().build());
        real.record(sample().at(0).e2e(500).build());
        ModelStats merged = StatsMerger.merge(warm.snapshot(), real.snapshot()).getFirst();
        assertEquals(0.5, merged.windowSeconds(), 1e-9);
        assertEquals(1, merged.requests().warmupsSkipped());
    }

    @Test
    void shardsWithDifferentSlosCannotBeMerged() {
        MetricsRecorder a = new MetricsRecorder(SloSet.parse("e2e=1s"), RUN_START);
        MetricsRecorder b = new MetricsRecorder(SloSet.parse("e2e=2s"), RUN_START);
        a.record(sample().build());
        b.record(sample().build());
        InputException e = assertThrows(InputException.class, () -> StatsMerger.merge(a.snapshot(), b.snapshot()));
        assertTrue(e.getMessage().contains("different SLOs"), e.getMessage());
    }

    @Test
    void modelsStayApartAndKeepTheirFirstOrder() {
        MetricsRecorder a = new MetricsRecorder(SloSet.NONE, RUN_START);
        MetricsRecorder b = new MetricsRecorder(SloSet.NONE, RUN_START);
        a.record(sample().model("x/1").build());
        b.record(sample().model("y/2").build());
        b.record(sample().model("x/1").build());
        List<ModelStats> merged = StatsMerger.merge(a.snapshot(), b.snapshot());
        assertEquals(List.of("x/1", "y/2"), merged.stream().map(ModelStats::model).toList());
        assertEquals(2, merged.getFirst().requests().attempted());
    }
}
