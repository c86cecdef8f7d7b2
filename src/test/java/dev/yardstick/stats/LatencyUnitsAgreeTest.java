package dev.yardstick.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One request gives the same latency in every histogram that records it: one nanosecond → microsecond rule. */
class LatencyUnitsAgreeTest {

    private static final TokenCounts OUT = new TokenCounts(20, 10, null, 0, 0, TokenSource.COUNTED);

    /** A success that took a retry (so the retry-free recorder reports), with no time lost to it. */
    private static Sample retried(long ttftNanos, long e2eNanos) {
        return new Sample(0, "m", "p", 0, false, 0, 0, ttftNanos, e2eNanos, new long[0], OUT, "x", "stop", null, 2,
                null, 0);
    }

    private record Figures(double ttftP50, double e2eP50) {
    }

    private static Figures headline(Sample s) {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        recorder.record(s);
        ModelStats stats = recorder.snapshot().getFirst();
        return new Figures(stats.metric(Metric.TTFT).p50(), stats.metric(Metric.E2E).p50());
    }

    private static Figures perSecond(Sample s) {
        AtomicLong clock = new AtomicLong();
        TimeSeriesRecorder recorder = new TimeSeriesRecorder("step", () -> 0, clock::get);
        recorder.onSample(s);
        clock.set(TimeUnit.SECONDS.toNanos(1));
        recorder.close();
        TimeSeries.Second second = recorder.series().seconds().getFirst();
        return new Figures(second.ttftP50(), second.e2eP50());
    }

    private static Figures retryFree(Sample s) {
        RetryFreeRecorder recorder = new RetryFreeRecorder();
        recorder.onSample(s);
        List<RetryFreeLatency> all = recorder.snapshot();
        return new Figures(all.getFirst().ttft().p50(), all.getFirst().e2e().p50());
    }

    @Test
    void aSubMicrosecondRemainderRoundsTheSameInEveryHistogram() {
        Sample s = retried(2_600, 9_400); // 2.6 µs and 9.4 µs: 3 and 9 µs, not truncated to 2 and 9
        Figures expected = new Figures(0.003, 0.009);
        assertEquals(expected, headline(s));
        assertEquals(expected, perSecond(s), "the per-second series");
        assertEquals(expected, retryFree(s), "the retry-free figures");
    }

    @Test
    void aLatencyOverAnHourIsNotClampedToAnHourInAnyHistogram() {
        long twoHours = TimeUnit.HOURS.toNanos(2);
        Sample s = retried(twoHours, twoHours);
        Figures head = headline(s);
        assertEquals(7_200_000, head.e2eP50(), 7_200, "2 h in ms, within HdrHistogram's 0.1%");
        assertEquals(head, perSecond(s), "the per-second series");
        assertEquals(head, retryFree(s), "the retry-free figures");
    }

    @Test
    void theRecordedUnitIsRoundedMicroseconds() {
        assertEquals(0, Metric.recordedMicros(499));
        assertEquals(1, Metric.recordedMicros(500));
        assertEquals(2, Metric.recordedMicros(2_499));
        assertEquals(0, Metric.recordedMicros(-1), "an unset time clamps to 0");
    }
}
