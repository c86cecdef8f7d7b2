package dev.yardstick.stats;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsRecorderTest {

    private static final Instant RUN_START = Instant.ofEpochSecond(1_700_000_000L);
    /** HdrHistogram with 3 significant digits: every value within 0.1%. */
    private static final double PRECISION = 0.001;

    private final MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, RUN_START);

    private ModelStats only() {
        List<ModelStats> all = recorder.snapshot();
        assertEquals(1, all.size());
        return all.getFirst();
    }

    private static void assertNear(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * PRECISION + 1e-9,
                () -> "expected ≈" + expected + " but was " + actual);
    }

    @Test
    void percentilesOfOneToThousandMillisecondsAreWithinHistogramPrecision() {
        for (int ms = 1; ms <= 1000; ms++) {
            recorder.record(sample().e2e(ms).build());
        }
        MetricSummary e2e = only().metric(Metric.E2E);
        assertEquals(1000, e2e.count());
        assertEquals("ms", e2e.unit());
        assertNear(500, e2e.p50());
        assertNear(900, e2e.p90());
        assertNear(950, e2e.p95());
        assertNear(990, e2e.p99());
        assertNear(999, e2e.p999());
        assertNear(1, e2e.min());
        assertNear(1000, e2e.max());
        assertNear(500.5, e2e.mean());
        assertNear(288.675, e2e.stddev()); // sqrt((1000² − 1) / 12)
        assertFalse(e2e.lowSample());
        assertTrue(e2e.formula().startsWith("E2E: scheduled start"));
    }

    @Test
    void itlRecordsEveryGapOfEveryRequest() {
        recorder.record(sample().gaps(10, 20, 30, 40).build());
        recorder.record(sample().gaps().build());
        recorder.record(sample().gaps(0, 0, 5, 5, 5, 5, 5, 5, 5, 500).build());
        MetricSummary itl = only().metric(Metric.ITL);
        assertEquals(14, itl.count());
        assertEquals(0, itl.min());
        assertNear(500, itl.max());
        assertEquals(3, only().metric(Metric.E2E).count());
    }

    @Test
    void tpotIsDecodeTimeOverTokensAfterTheFirstAndUndefinedForOneToken() {
        recorder.record(sample().ttft(100).e2e(1100).reported(5, 11).build()); // 1000 ms / 10 tokens
        recorder.record(sample().ttft(100).e2e(600).reported(5, 1).build());   // undefined
        ModelStats stats = only();
        assertEquals(1, stats.metric(Metric.TPOT).count());
        assertNear(100, stats.metric(Metric.TPOT).p50());
        // output rate per request: 11 tokens / (1100 − 100) ms = 11 tokens/s; the 1-token request is undefined too
        assertEquals(1, stats.metric(Metric.OUTPUT_RATE).count());
        assertNear(11, stats.metric(Metric.OUTPUT_RATE).p50());
        assertEquals("tokens/s", stats.metric(Metric.OUTPUT_RATE).unit());
    }

    @Test
    void warmupSamplesAreCountedApartAndOtherwiseIgnored() {
        recorder.record(sample().warmup().at(0).e2e(60_000).build());
        recorder.record(sample().warmup().at(0).failed(ErrorClass.TIMEOUT).build());
        recorder.record(sample().at(1000).e2e(200).build());
        ModelStats stats = only();
        assertEquals(2, stats.requests().warmupsSkipped());
        assertEquals(1, stats.requests().attempted());
        assertEquals(0, stats.requests().failed());
        assertNear(200, stats.metric(Metric.E2E).max());
        assertEquals(0.2, stats.windowSeconds(), 1e-9, "window starts at the first counted request");
        assertEquals(20, stats.tokens().output());
    }

    @Test
    void failuresStayOutOfLatencyAndThroughputButCountInErrorRateWindowAndGoodput() {
        MetricsRecorder withSlo = new MetricsRecorder(SloSet.parse("e2e=5s"), RUN_START);
        for (int i = 0; i < 8; i++) {
            withSlo.record(sample().at(i * 100).e2e(100).build());
        }
        withSlo.record(sample().at(0).e2e(2000).failed(ErrorClass.TIMEOUT).build());
        withSlo.record(sample().at(0).e2e(10).failed(ErrorClass.RATE_LIMITED).build());
        ModelStats stats = withSlo.snapshot().getFirst();
        assertEquals(10, stats.requests().attempted());
        assertEquals(8, stats.requests().succeeded());
        assertEquals(2, stats.requests().failed());
        assertEquals(Map.of("rate-limited", 1L, "timeout", 1L), stats.requests().errors());
        assertEquals(List.of("rate-limited", "timeout"), List.copyOf(stats.requests().errors().keySet()));
        assertEquals(0.2, stats.errorRate(), 1e-12);
        assertEquals(8, stats.metric(Metric.E2E).count());
        assertNear(100, stats.metric(Metric.E2E).max());
        assertEquals(2.0, stats.windowSeconds(), 1e-9, "the timed-out request's end closes the window");
        assertEquals(8 / 2.0, stats.requestThroughput(), 1e-9);
        assertEquals(8, stats.requests().metSlo());
        assertEquals(8 / 2.0, stats.goodput(), 1e-9);
    }

    @Test
    void goodputCountsOnlySuccessesMeetingEverySlo() {
        MetricsRecorder withSlo = new MetricsRecorder(SloSet.parse("ttft=500ms,e2e=2s,itl=50ms"), RUN_START);
        withSlo.record(sample().at(0).ttft(400).e2e(1900).gaps(20, 50).build());   // meets all
        withSlo.record(sample().at(0).ttft(600).e2e(1000).build());                // ttft too slow
        withSlo.record(sample().at(0).ttft(100).e2e(2100).build());                // e2e too slow
        withSlo.record(sample().at(0).ttft(100).e2e(1000).gaps(10, 51).build());   // one stall
        withSlo.record(sample().at(0).ttft(100).e2e(4000).failed(ErrorClass.HTTP_5XX).build());
        ModelStats stats = withSlo.snapshot().getFirst();
        assertEquals(1, stats.requests().metSlo());
        assertEquals("ttft=500ms,e2e=2s,itl=50ms", stats.slo());
        assertEquals(4.0, stats.windowSeconds(), 1e-9);
        assertEquals(1 / 4.0, stats.goodput(), 1e-9);
        assertEquals(4 / 4.0, stats.requestThroughput(), 1e-9);
        assertEquals(1 / 5.0, stats.sloAttainment(), 1e-12, "the failed request counts as missing the SLO");
    }

    @Test
    void windowRunsFromFirstScheduledStartToLastEndInEpochMicros() {
        for (int i = 0; i < 10; i++) {
            recorder.record(sample().at(1000 + i * 1000).e2e(500).reported(7, 30).build());
        }
        ModelStats stats = only();
        long runStartMicros = 1_700_000_000L * 1_000_000L;
        assertEquals(new Window(runStartMicros + 1_000_000, runStartMicros + 10_500_000), stats.window());
        assertEquals(9.5, stats.windowSeconds(), 1e-9);
        assertEquals(10 / 9.5, stats.requestThroughput(), 1e-9);
        assertEquals(300 / 9.5, stats.outputTokensPerSecond(), 1e-9);
        assertEquals(stats.requestThroughput(), stats.goodput(), 1e-12, "no SLO: every success is good");
        assertEquals("none", stats.slo());
    }

    @Test
    void tokenTotalsKeepWhereEachCountCameFrom() {
        recorder.record(sample().tokens(new TokenCounts(100, 40, 60, 98, 41, TokenSource.COUNTED)).build());
        recorder.record(sample().tokens(new TokenCounts(null, null, null, 50, 10, TokenSource.ESTIMATED)).build());
        recorder.record(sample().tokens(new TokenCounts(80, 20, null, 80, 20, TokenSource.COUNTED)).build());
        recorder.record(sample().failed(ErrorClass.CONNECTION).build());
        TokenTotals tokens = only().tokens();
        assertEquals(230, tokens.input());
        assertEquals(70, tokens.output());
        assertEquals(60, tokens.cachedInput());
        assertEquals(new SourceCounts(2, 0, 1), tokens.outputSources());
        assertEquals("mixed: reported 2, estimated 1", tokens.outputSources().label());
        assertEquals("reported", new SourceCounts(3, 0, 0).label());
    }

    @Test
    void retriesAreCountedOnTheRequestTheyBelongTo() {
        recorder.record(sample().attempts(3).build());
        recorder.record(sample().attempts(2).failed(ErrorClass.HTTP_5XX).build());
        recorder.record(sample().build());
        ModelStats stats = only();
        assertEquals(3, stats.requests().retries());
        assertEquals(2, stats.requests().succeeded());
    }

    @Test
    void queueTimeIsRecordedOnItsOwn() {
        recorder.record(sample().queue(0).build());
        recorder.record(sample().queue(250).build());
        assertEquals(2, only().metric(Metric.QUEUE).count());
        assertNear(250, only().metric(Metric.QUEUE).max());
    }

    @Test
    void modelsAreKeptApartInTheOrderTheyFirstArrived() {
        recorder.record(sample().model("b/x").e2e(10).build());
        recorder.record(sample().model("a/y").e2e(20).build());
        recorder.record(sample().model("b/x").e2e(30).build());
        List<ModelStats> all = recorder.snapshot();
        assertEquals(List.of("b/x", "a/y"), all.stream().map(ModelStats::model).toList());
        assertEquals(2, all.get(0).requests().attempted());
        assertEquals(1, all.get(1).requests().attempted());
    }

    @Test
    void aStallIsOneValueAndEveryFormulaIsItsMetricsOwn() {
        recorder.record(sample().e2e(1000).build());
        assertEquals(1, only().metric(Metric.E2E).count(), "a stall is one value: nothing synthetic is added");
        for (Metric metric : Metric.values()) {
            if (!metric.onlyWhenRecorded()) { // TTFO and reasoning tokens: only where a request reasoned
                assertEquals(metric.formula(), only().metric(metric).formula());
            }
        }
    }

    @Test
    void manyVirtualThreadsRecordExactlyWhileSnapshotsSeeConsistentCuts() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    recorder.record(sample().e2e(1 + i % 500).gaps(1, 2, 3).build());
                }
            }));
        }
        AtomicBoolean consistent = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writers.stream().anyMatch(Thread::isAlive)) {
                for (ModelStats s : recorder.snapshot()) {
                    // one cut across counters and histograms: they always agree
                    long e2e = s.metric(Metric.E2E).count();
                    if (e2e != s.requests().succeeded() || s.metric(Metric.ITL).count() != 3 * e2e) {
                        consistent.set(false);
                    }
                }
            }
        });
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        reader.join();
        ModelStats stats = only();
        assertEquals((long) threads * perThread, stats.requests().attempted());
        assertEquals((long) threads * perThread, stats.metric(Metric.E2E).count());
        assertEquals(3L * threads * perThread, stats.metric(Metric.ITL).count());
        assertTrue(consistent.get(), "a snapshot taken during recording disagreed with itself");
    }
}
