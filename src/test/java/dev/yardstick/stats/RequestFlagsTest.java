package dev.yardstick.stats;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests counted apart: content that arrived in one burst, answers shorter than the plan asked. */
class RequestFlagsTest {

    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    private static double[] gaps(int n, double ms) {
        double[] out = new double[n];
        Arrays.fill(out, ms);
        return out;
    }

    @Test
    void aBurstAfterAStallIsFlaggedAndKeptOutOfTokensPerSecond() {
        // The case seen: a 400 ms stall, then 20 chunks 0.05 ms apart: 20 tokens / 0.95 ms = 21,053 tokens/s.
        var burst = sample().ttft(400).e2e(400.95).gaps(gaps(19, 0.05)).reported(10, 20).build();
        // A real stream: 50 ms to the first token, then 10 ms a token.
        var steady = sample().ttft(50).e2e(240).gaps(gaps(19, 10)).reported(10, 20).build();
        // A tiny local model: fast tokens, but no stall before them (decode 4 ms after 1 ms): not a burst.
        var fastLocal = sample().ttft(1).e2e(5).gaps(gaps(19, 0.2)).reported(10, 20).build();
        assertTrue(Bursts.of(burst));
        assertFalse(Bursts.of(steady));
        assertFalse(Bursts.of(fastLocal));
        assertFalse(Bursts.of(sample().ttft(400).e2e(403).gaps(0.2, 0.9).build()), "one gap of 0.9 ms is no burst");

        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, START);
        List.of(burst, steady, fastLocal).forEach(recorder::record);
        ModelStats stats = recorder.snapshot().getFirst();
        assertEquals(1, stats.flags().bursts());
        assertEquals(2, stats.metric(Metric.OUTPUT_RATE).count(), "the burst's absurd tokens/s is left out");
        double fastest = stats.metric(Metric.OUTPUT_RATE).max();
        assertTrue(fastest < 10_000, "no burst figure in it: " + fastest);
        assertEquals(3, stats.metric(Metric.TTFT).count(), "its latencies still count");
        assertEquals(57, stats.metric(Metric.ITL).count(), "and its gaps");
    }

    @Test
    void answersShorterThanAskedAreCountedPerModelAndMerge() {
        MetricsRecorder a = new MetricsRecorder(SloSet.NONE, START).expectingOutputTokens(128);
        MetricsRecorder b = new MetricsRecorder(SloSet.NONE, START).expectingOutputTokens(128);
        a.record(sample().reported(10, 128).build());
        a.record(sample().reported(10, 20).build());
        a.record(sample().model("other/m").reported(10, 200).build());
        b.record(sample().reported(10, 64).build());
        b.record(sample().reported(10, 5).failed(dev.yardstick.engine.ErrorClass.TIMEOUT).build());
        ModelStats first = a.snapshot().getFirst();
        assertEquals(new RequestFlags(0, 128, 1, 20), first.flags());
        assertEquals(new RequestFlags(0, 128, 0, null), a.snapshot().get(1).flags(), "the other model met it");
        ModelStats merged = StatsMerger.merge(a.snapshot(), b.snapshot()).getFirst();
        assertEquals(new RequestFlags(0, 128, 2, 20), merged.flags(), "a failure is no short answer");

        MetricsRecorder none = new MetricsRecorder(SloSet.NONE, START);
        none.record(sample().reported(10, 3).build());
        assertNull(none.snapshot().getFirst().flags().outputTokensAsked());
        assertEquals(0, none.snapshot().getFirst().flags().shortOfAsked(), "nothing asked, nothing short");
    }
}
