package dev.yardstick.engine;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.Secrets;
import dev.yardstick.provider.TokenSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order a matrix plan runs in, the open-loop schedule, and what a sample derives from its figures. */
class PlanAndSampleRulesTest {

    private static Sample sample(String text, String finishReason, long ttft, long e2e, TokenCounts tokens,
                                 SampleError error) {
        return new Sample(7, "m/a", "p1", 0, false, 0, 0, ttft, e2e, new long[]{1, 2}, tokens, text, finishReason,
                "req", 1, error);
    }

    private static TokenCounts output(int n) {
        return new TokenCounts(5, n, null, 5, n, TokenSource.COUNTED);
    }

    @Test
    void aMatrixRunsWarmupsFirstThenEachRepetitionPromptByPromptAcrossModels() {
        PromptSet prompts = new PromptSet("s", null, List.of(
                new PromptCase("p1", List.of(Message.user("one")), null),
                new PromptCase("p2", List.of(Message.user("two")), null)));
        RequestSource source = Plans.matrix(List.of("m/a", "m/b"), prompts, 2, ModelParams.DEFAULTS, 1);
        assertEquals(2 + 2 * 2 * 2, source.size());
        List<String> order = new ArrayList<>();
        for (long i = 0; i < source.size(); i++) {
            PlannedRequest r = source.get(i);
            assertEquals(i, r.sequence());
            order.add((r.warmup() ? "w " : "") + r.model() + " " + r.promptId() + " #" + r.repetition());
        }
        assertEquals(List.of(
                "w m/a p1 #0", "w m/b p1 #0",
                "m/a p1 #0", "m/b p1 #0", "m/a p2 #0", "m/b p2 #0",
                "m/a p1 #1", "m/b p1 #1", "m/a p2 #1", "m/b p2 #1"), order);
        assertEquals("two", source.get(4).messages().get(0).content());
    }

    @Test
    void repeatedWarmupsCountTheirOwnRepetitions() {
        PromptSet prompts = PromptSet.single("p", List.of(Message.user("hi")));
        RequestSource source = Plans.matrix(List.of("m/a"), prompts, 1, null, 3);
        assertEquals(4, source.size());
        assertEquals(2, source.get(2).repetition());
        assertTrue(source.get(2).warmup());
        assertFalse(source.get(3).warmup());
        assertEquals(0, source.get(3).repetition());
    }

    @Test
    void aConstantScheduleIsEvenlySpacedFromZero() {
        Schedule schedule = new Schedule(new LoadShape.Open(4, LoadShape.Arrival.CONSTANT, 1, 8));
        assertEquals(0, schedule.next());
        assertEquals(250_000_000L, schedule.next());
        assertEquals(500_000_000L, schedule.next());
    }

    @Test
    void aPoissonScheduleHasTheRequestedMeanRateAndUnevenGaps() {
        Schedule schedule = new Schedule(new LoadShape.Open(100, LoadShape.Arrival.POISSON, 42, 8));
        long previous = schedule.next();
        assertEquals(0, previous);
        int n = 20_000;
        long minGap = Long.MAX_VALUE;
        long maxGap = 0;
        long last = previous;
        for (int i = 0; i < n; i++) {
            long at = schedule.next();
            minGap = Math.min(minGap, at - last);
            maxGap = Math.max(maxGap, at - last);
            last = at;
        }
        double meanGapMillis = last / 1e6 / n;
        assertEquals(10.0, meanGapMillis, 0.5, "mean gap of a 100/s Poisson schedule");
        assertTrue(minGap < 1_000_000 && maxGap > 40_000_000, "exponential gaps: " + minGap + ".." + maxGap);
    }

    @Test
    void loadShapesRejectWhatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> new LoadShape.Closed(0));
        assertEquals(1, new LoadShape.Closed(1).concurrency());
        assertThrows(IllegalArgumentException.class, () -> new LoadShape.Open(0, LoadShape.Arrival.CONSTANT, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadShape.Open(Double.NaN, LoadShape.Arrival.CONSTANT, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadShape.Open(1, LoadShape.Arrival.CONSTANT, 1, 0));
        assertEquals(1, new LoadShape.Open(0.5, LoadShape.Arrival.POISSON, 1, 1).maxConcurrency());
    }

    @Test
    void reportedTokenCountsWinOverCountedOnes() {
        TokenCounts reported = new TokenCounts(10, 20, 3, 4, 11, 21, TokenSource.ESTIMATED);
        assertEquals(10, reported.input());
        assertEquals(20, reported.output());
        assertEquals(3, reported.cachedInput());
        assertEquals(4, reported.cacheWriteInput());
        assertEquals(TokenSource.REPORTED, reported.inputSource());
        assertEquals(TokenSource.REPORTED, reported.outputSource());

        TokenCounts counted = new TokenCounts(null, null, null, 11, 21, TokenSource.ESTIMATED);
        assertEquals(11, counted.input());
        assertEquals(21, counted.output());
        assertEquals(0, counted.cachedInput());
        assertEquals(0, counted.cacheWriteInput());
        assertEquals(TokenSource.ESTIMATED, counted.inputSource());
        assertEquals(TokenSource.ESTIMATED, counted.outputSource());
    }

    @Test
    void timePerOutputTokenSpreadsTheTimeAfterTheFirstTokenOverTheRest() {
        assertEquals(250.0, sample("abc", "stop", 1000, 2000, output(5), null).tpotNanos(), 1e-9);
        assertEquals(1000.0, sample("ab", "stop", 1000, 2000, output(2), null).tpotNanos(), 1e-9);
        assertTrue(Double.isNaN(sample("a", "stop", 1000, 2000, output(1), null).tpotNanos()), "one token: no gap");
        assertTrue(Double.isNaN(sample("a", "stop", -1, 2000, output(5), null).tpotNanos()), "no first token");
        assertEquals(2000.0, sample("a", "stop", 0, 2000, output(2), null).tpotNanos(), 1e-9, "a first token at 0");
        assertTrue(Double.isNaN(sample("a", "stop", 1000, 2000, null, null).tpotNanos()), "no counts");
        SampleError error = new SampleError(ErrorClass.TIMEOUT, null, "t", null);
        assertTrue(Double.isNaN(sample("a", null, 1000, 2000, output(5), error).tpotNanos()), "a failure");
    }

    @Test
    void anEmptyAnswerIsASuccessWithNoTextThatStillEnded() {
        assertTrue(sample("", "stop", 1, 2, output(0), null).emptyAnswer());
        assertTrue(sample(null, "length", 1, 2, output(0), null).emptyAnswer());
        assertFalse(sample("x", "stop", 1, 2, output(1), null).emptyAnswer());
        assertFalse(sample("", null, 1, 2, output(0), null).emptyAnswer(), "no finish reason: not an answer at all");
        SampleError error = new SampleError(ErrorClass.OTHER, null, "o", null);
        assertFalse(sample("", "stop", 1, 2, output(0), error).emptyAnswer());
        assertFalse(sample("", "stop", 1, 2, output(0), error).ok());
    }

    @Test
    void samplesAreEqualByRunPositionModelTimingAndGaps() {
        Sample a = sample("x", "stop", 1, 2, output(1), null);
        assertEquals(a, sample("other text", "length", 1, 2, output(3), null));
        assertEquals(a.hashCode(), sample("y", "stop", 1, 2, output(1), null).hashCode());
        assertNotEquals(a, sample("x", "stop", 1, 3, output(1), null));
        assertNotEquals(a, new Sample(8, "m/a", "p1", 0, false, 0, 0, 1, 2, new long[]{1, 2}, output(1), "x", "stop",
                "req", 1, null));
        assertNotEquals(a, new Sample(7, "m/b", "p1", 0, false, 0, 0, 1, 2, new long[]{1, 2}, output(1), "x", "stop",
                "req", 1, null));
        assertNotEquals(a, new Sample(7, "m/a", "p1", 0, false, 0, 0, 1, 2, new long[]{1, 3}, output(1), "x", "stop",
                "req", 1, null));
        assertNotEquals(a.hashCode(), new Sample(8, "m/a", "p1", 0, false, 0, 0, 1, 2, new long[]{1, 2}, output(1),
                "x", "stop", "req", 1, null).hashCode());
        assertEquals("Sample[7 m/a p1 e2e=2 ok=true]", a.toString());
    }

    @Test
    void aKeyEchoedInAnAnswerOrARequestIdNeverReachesTheSample() {
        String secret = "sk-Ws6hP1yD7" + "w".repeat(30);
        Secrets.remember(secret);
        Sample s = new Sample(1, "m/a", "p", 0, false, 0, 0, 1, 2, new long[0], output(1), "echo " + secret, "stop",
                "id-" + secret, 1, null);
        assertFalse(s.text().contains("wwwwwwww"), s.text());
        assertFalse(s.requestId().contains("wwwwwwww"), s.requestId());
        assertTrue(s.text().startsWith("echo "));
    }

    @Test
    void aWarmupReportSaysPerModelWhatRanHowLongAndWhatFailed() {
        ClientWarmupReport report = new ClientWarmupReport(12.6, List.of(
                new ClientWarmupReport.Model("local/a", "generation", 11.4, null),
                new ClientWarmupReport.Model("openai/b", "loopback-stub", 3.5, "timeout: slow")));
        assertEquals("off the clock, 13 ms (local/a: generation 11 ms; openai/b: loopback-stub 4 ms, timeout: slow)",
                report.describe());
        assertEquals("off the clock, 0 ms ()", new ClientWarmupReport(0.2, List.of()).describe());
    }
}
