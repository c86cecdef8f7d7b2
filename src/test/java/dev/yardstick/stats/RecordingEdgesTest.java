package dev.yardstick.stats;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the recorder keeps of samples at the edges of each rule: zero times, the smallest counts, repeated cuts. */
class RecordingEdgesTest {

    private final MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);

    private ModelStats only() {
        List<ModelStats> all = recorder.snapshot();
        assertEquals(1, all.size());
        return all.getFirst();
    }

    @Test
    void anAnswerExactlyAsLongAsAskedIsNotShort() {
        recorder.expectingOutputTokens(20);
        recorder.record(sample().reported(5, 20).build());
        recorder.record(sample().reported(5, 21).build());
        assertEquals(new RequestFlags(0, 20, 0, null), only().flags());
        recorder.record(sample().reported(5, 19).build());
        recorder.record(sample().reported(5, 7).build());
        assertEquals(new RequestFlags(0, 20, 2, 7), only().flags());
    }

    @Test
    void aRequestSentAtOnceHasAQueueTimeOfZeroThatCounts() {
        recorder.record(sample().queue(0).build());
        recorder.record(sample().queue(4).build());
        MetricSummary queue = only().metric(Metric.QUEUE);
        assertEquals(2, queue.count());
        assertEquals(0, queue.min());
        assertEquals(4, queue.max(), 0.004);
    }

    @Test
    void allTokensInTheFirstChunkGiveATimePerTokenOfZeroAndNoOutputRate() {
        // E2E = TTFT: the whole answer came with the first chunk
        recorder.record(sample().ttft(100).e2e(100).reported(5, 20).build());
        ModelStats stats = only();
        assertEquals(1, stats.metric(Metric.TPOT).count());
        assertEquals(0, stats.metric(Metric.TPOT).max());
        assertEquals(0, stats.metric(Metric.OUTPUT_RATE).count(), "no decode time: no rate, never an infinite one");
    }

    @Test
    void aFirstChunkAtTheScheduledStartStillGivesARate() {
        recorder.record(sample().ttft(0).e2e(100).reported(5, 20).build());
        ModelStats stats = only();
        assertEquals(1, stats.metric(Metric.TTFT).count());
        assertEquals(0, stats.metric(Metric.TTFT).max());
        assertEquals(1, stats.metric(Metric.OUTPUT_RATE).count());
        assertEquals(200, stats.metric(Metric.OUTPUT_RATE).p50(), 0.2, "20 tokens in 0.1 s");
    }

    @Test
    void twoOutputTokensAreEnoughForARate() {
        recorder.record(sample().ttft(10).e2e(110).reported(5, 2).build());
        recorder.record(sample().ttft(10).e2e(110).reported(5, 1).build());
        ModelStats stats = only();
        assertEquals(1, stats.metric(Metric.OUTPUT_RATE).count(), "one token has no decode phase");
        assertEquals(20, stats.metric(Metric.OUTPUT_RATE).p50(), 0.02, "2 tokens in 0.1 s");
        assertEquals(1, stats.metric(Metric.TPOT).count());
        assertEquals(100, stats.metric(Metric.TPOT).p50(), 0.1, "(110 − 10) / (2 − 1) ms");
    }

    @Test
    void bothSidesOfEveryTokenCountKeepTheirSource() {
        recorder.record(sample().tokens(new TokenCounts(100, null, null, 98, 41, TokenSource.COUNTED)).build());
        recorder.record(sample().tokens(new TokenCounts(null, 40, null, 50, 10, TokenSource.ESTIMATED)).build());
        recorder.record(sample().tokens(new TokenCounts(null, null, null, 50, 10, null)).build());
        TokenTotals tokens = only().tokens();
        assertEquals(new SourceCounts(1, 0, 2), tokens.inputSources(), "a count of no known source is estimated");
        assertEquals(new SourceCounts(1, 1, 1), tokens.outputSources());
        assertEquals(200, tokens.input());
        assertEquals(91, tokens.output());
    }

    @Test
    void aFailureWithNoClassCountsAsOther() {
        recorder.record(sample().build());
        SampleError noClass = new SampleError(null, null, "?", null);
        Sample s = sample().build();
        recorder.record(new Sample(s.sequence(), s.model(), s.promptId(), 0, false,
                s.scheduledNanos(), 0, -1, s.e2eNanos(), new long[0], s.tokens(), "", null, null, 1, noClass));
        assertEquals(Map.of("other", 1L), only().requests().errors());
    }

    @Test
    void everyCutCountsEachSampleOnceHoweverOftenTheRecorderIsRead() {
        // The recorder swaps between two tallies; each must start empty again after its counts moved to the total.
        int ok = 0;
        int failed = 0;
        for (int round = 0; round < 5; round++) {
            recorder.record(sample().e2e(10 + round).reported(3, 4).attempts(2).build());
            recorder.record(sample().e2e(20 + round).tokens(new TokenCounts(null, null, null, 3, 4,
                    TokenSource.COUNTED)).build());
            recorder.record(sample().failed(ErrorClass.TIMEOUT).build());
            recorder.record(sample().warmup().build());
            ok += 2;
            failed += 1;
            ModelStats stats = only();
            assertEquals(ok + failed, stats.requests().attempted(), "round " + round);
            assertEquals(ok, stats.requests().succeeded());
            assertEquals(Map.of("timeout", (long) failed), stats.requests().errors());
            assertEquals(ok / 2, stats.requests().retries());
            assertEquals(round + 1, stats.requests().warmupsSkipped());
            assertEquals(ok, stats.metric(Metric.E2E).count());
            assertEquals(new SourceCounts(ok / 2, ok / 2, 0), stats.tokens().inputSources());
            assertEquals(new SourceCounts(ok / 2, ok / 2, 0), stats.tokens().outputSources());
            assertEquals(3L * ok, stats.tokens().input());
        }
        assertEquals(ok + failed, recorder.running().attempted());
    }

    @Test
    void theLiveFiguresAddUpEveryModelWithoutSummarizing() {
        MetricsRecorder live = new MetricsRecorder(SloSet.NONE, Instant.EPOCH).expecting(List.of("mock/b"));
        RunningFigures none = live.running();
        assertEquals(0, none.ended());
        assertTrue(Double.isNaN(none.ttftMs(50)), "no success yet");
        assertTrue(Double.isNaN(none.e2eMs(50)));
        live.onSample(sample().model("mock/a").ttft(40).e2e(400).build());
        live.onSample(sample().model("mock/b").ttft(40).e2e(400).build());
        live.onSample(sample().model("mock/b").failed(ErrorClass.HTTP_5XX).build());
        live.onSample(sample().model("mock/a").warmup().build());
        RunningFigures figures = live.running();
        assertEquals(3, figures.attempted());
        assertEquals(1, figures.failed());
        assertEquals(1, figures.warmups());
        assertEquals(4, figures.ended());
        assertEquals(40, figures.ttftMs(50), 0.04);
        assertEquals(400, figures.e2eMs(99), 0.4);
        assertEquals(List.of("mock/b", "mock/a"), live.snapshot().stream().map(ModelStats::model).toList(),
                "the expected model first");
        assertEquals(SloSet.NONE, live.slos());
    }

    @Test
    void aWindowOfNoLengthHasNoRate() {
        recorder.record(sample().at(5).ttft(0).e2e(0).reported(1, 1).build());
        ModelStats stats = only();
        assertEquals(0, stats.windowSeconds());
        assertTrue(Double.isNaN(stats.requestThroughput()), "one success in no time is no rate, not ∞");
        assertTrue(Double.isNaN(stats.outputTokensPerSecond()));
        assertEquals(0, stats.errorRate());
        assertEquals(Arrays.stream(Metric.values()).map(stats::metric).filter(java.util.Objects::nonNull).toList(),
                stats.metrics(), "in declaration order");
        assertNull(stats.metric(Metric.TTFO), "no request reasoned: no TTFO");
        assertNull(stats.flags().outputTokensAsked());
    }
}
