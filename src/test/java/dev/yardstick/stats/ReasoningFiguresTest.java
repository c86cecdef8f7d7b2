package dev.yardstick.stats;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TTFO and reasoning tokens: recorded for the requests that reasoned, left out of reports where none did. */
class ReasoningFiguresTest {

    private static final Instant RUN_START = Instant.parse("2026-01-01T00:00:00Z");

    /** 30 output tokens reported, 12 of them reasoning. */
    private static final TokenCounts REASONED = new TokenCounts(10, 30, null, null, 0, 0, TokenSource.COUNTED, 12, 0);

    @Test
    void ttfoAndReasoningTokensCoverOnlyTheRequestsThatReasoned() {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, RUN_START);
        recorder.record(sample().ttft(100).ttfo(400).e2e(600).tokens(REASONED).build());
        recorder.record(sample().ttft(120).ttfo(520).e2e(700).tokens(REASONED).build());
        recorder.record(sample().ttft(50).e2e(300).build()); // answered straight away
        ModelStats stats = recorder.snapshot().getFirst();

        MetricSummary ttfo = stats.metric(Metric.TTFO);
        assertEquals(2, ttfo.count());
        assertEquals(400, ttfo.min(), 0.5);
        assertEquals(520, ttfo.max(), 0.5);
        assertEquals(3, stats.metric(Metric.TTFT).count(), "TTFT covers every request");
        assertEquals(12, stats.metric(Metric.REASONING_TOKENS).p50(), 0.05);
        assertEquals(24, stats.tokens().reasoning());
        assertEquals(2 * 30 + 20 - 24, stats.tokens().visibleOutput());
        assertEquals("reported", stats.tokens().reasoningSources().label());
        assertTrue(stats.shownMetrics().stream().anyMatch(m -> m.metric() == Metric.TTFO));
    }

    @Test
    void aRunWithoutReasoningShowsNeitherFigureNorComparesThem() {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, RUN_START);
        for (int i = 0; i < 40; i++) {
            recorder.record(sample().ttft(50 + i).e2e(300 + i).build());
        }
        ModelStats stats = recorder.snapshot().getFirst();
        List<Metric> shown = stats.shownMetrics().stream().map(MetricSummary::metric).toList();
        assertFalse(shown.contains(Metric.TTFO));
        assertFalse(shown.contains(Metric.REASONING_TOKENS));
        assertTrue(shown.contains(Metric.TTFT));
        StatsDiff diff = StatsDiff.between(stats, stats);
        assertNull(diff.metric(Metric.TTFO), "nothing to compare where neither run reasoned");
        assertTrue(diff.metric(Metric.TTFT) != null);
    }

    @Test
    void aTtfoSloIsMetOnlyByAVisibleAnswerInTime() {
        SloSet slo = SloSet.parse("ttfo=500ms");
        assertTrue(slo.meets(sample().ttft(100).ttfo(450).e2e(600).tokens(REASONED).build()));
        assertFalse(slo.meets(sample().ttft(100).ttfo(550).e2e(600).tokens(REASONED).build()));
    }
}
