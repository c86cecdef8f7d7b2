package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.provider.TokenSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One request turned into langchain4j's form, and its stream turned into a sample. */
class RequestExecutorRulesTest {

    private static final long MS = 1_000_000;
    private static final List<Message> CONVERSATION = List.of(Message.system("be brief"), Message.user("two words"),
            Message.assistant("sure thing"), Message.user("again please"));

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopWatchdog() {
        watchdog.shutdownNow();
    }

    private static PlannedRequest request(ModelParams params) {
        return new PlannedRequest(4, "test/m", "p7", 2, CONVERSATION, params, false);
    }

    private Sample execute(ScriptedClient client, TokenCounting counting, long sentAgoNanos, Duration timeout) {
        long now = System.nanoTime();
        return new RequestExecutor(watchdog, counting).execute(request(null), client, now - sentAgoNanos,
                now - sentAgoNanos, now - sentAgoNanos - 5 * MS, timeout, null);
    }

    @Test
    void theTemperatureAndOutputLimitAreSentOnlyWhenSet() {
        ChatRequest set = RequestExecutor.toChatRequest(request(new ModelParams(0.25, 64, null, null, null)));
        assertEquals(0.25, set.parameters().temperature());
        assertEquals(64, set.parameters().maxOutputTokens());
        ChatRequest unset = RequestExecutor.toChatRequest(request(null));
        assertNull(unset.parameters().temperature());
        assertNull(unset.parameters().maxOutputTokens());
        ChatRequest onlyLimit = RequestExecutor.toChatRequest(request(new ModelParams(null, 8, null, null, null)));
        assertNull(onlyLimit.parameters().temperature());
        assertEquals(8, onlyLimit.parameters().maxOutputTokens());
    }

    @Test
    void everyRoleKeepsItsPlaceInTheConversation() {
        List<ChatMessage> messages = RequestExecutor.toChatRequest(request(null)).messages();
        assertEquals(List.of(SystemMessage.from("be brief"), UserMessage.from("two words"),
                AiMessage.from("sure thing"), UserMessage.from("again please")), messages);
    }

    @Test
    void aCompleteAnswerKeepsItsTextIdFinishReasonUsageAndOwnCounts() {
        ScriptedClient client = ScriptedClient.of("test/m",
                ScriptedClient.answering("one two three", new TokenUsage(30, 3)));
        Sample s = execute(client, TokenCounting.ALWAYS, 0, Duration.ofSeconds(5));
        assertTrue(s.ok(), String.valueOf(s.error()));
        assertEquals("one two three ", s.text());
        assertEquals("req-7", s.requestId());
        assertEquals("stop", s.finishReason());
        assertEquals(4, s.sequence());
        assertEquals("p7", s.promptId());
        assertEquals(2, s.repetition());
        assertEquals(5 * MS, s.scheduledNanos(), "relative to the run's start");
        assertEquals(0, s.queueNanos());
        assertEquals(2, s.itlNanos().length, "three chunks, two gaps");
        assertTrue(s.ttftNanos() >= 0 && s.ttftNanos() <= s.e2eNanos());
        TokenCounts t = s.tokens();
        assertEquals(30, t.reportedInput());
        assertEquals(3, t.reportedOutput());
        assertEquals(0, t.cachedInput());
        assertEquals(0, t.cacheWriteInput());
        assertEquals(2 + 2 + 2 + 2, t.countedInput(), "every message of the conversation");
        assertEquals(3, t.countedOutput());
        assertEquals(TokenSource.COUNTED, t.countSource());
    }

    @Test
    void withUsageReportedABenchmarkCountsNothingItself() {
        ScriptedClient client = ScriptedClient.of("test/m", ScriptedClient.answering("one two", new TokenUsage(9, 2)));
        TokenCounts t = execute(client, TokenCounting.WHEN_UNREPORTED, 0, Duration.ofSeconds(5)).tokens();
        assertEquals(0, t.countedInput());
        assertEquals(0, t.countedOutput());
        assertEquals(9, t.input());
        ScriptedClient silentOnUsage = ScriptedClient.of("test/m", ScriptedClient.answering("one two", null));
        TokenCounts counted = execute(silentOnUsage, TokenCounting.WHEN_UNREPORTED, 0, Duration.ofSeconds(5))
                .tokens();
        assertNull(counted.reportedInput());
        assertNull(counted.reportedOutput());
        assertNull(counted.reportedCached());
        assertEquals(8, counted.countedInput());
        assertEquals(2, counted.countedOutput());
    }

    @Test
    void promptCacheReadsAndWritesAreKeptFromTheProvidersUsage() {
        TokenUsage anthropic = AnthropicTokenUsage.builder().inputTokenCount(10).outputTokenCount(2)
                .cacheReadInputTokens(100).cacheCreationInputTokens(30).build();
        ScriptedClient client = ScriptedClient.of("test/m", ScriptedClient.answering("one two", anthropic));
        TokenCounts t = execute(client, TokenCounting.WHEN_UNREPORTED, 0, Duration.ofSeconds(5)).tokens();
        assertEquals(100, t.cachedInput());
        assertEquals(30, t.cacheWriteInput());
        assertEquals(140, t.input(), "cached and written tokens are input too");
    }

    @Test
    void aClientThatThrowsGivesAFailedSampleWithItsMessage() {
        ScriptedClient client = ScriptedClient.of("test/m", (request, handler) -> {
            throw new IllegalStateException("builder misconfigured");
        });
        Sample s = execute(client, TokenCounting.ALWAYS, 0, Duration.ofSeconds(5));
        assertEquals(ErrorClass.OTHER, s.error().errorClass());
        assertEquals("builder misconfigured", s.error().message());
        assertEquals("", s.text());
        assertEquals(-1, s.ttftNanos(), "no content arrived");
        assertArrayEquals(new long[0], s.itlNanos());
        assertNull(s.requestId());
        assertNull(s.finishReason());
    }

    @Test
    void theTimeoutCountsFromWhenTheRequestWasSent() {
        // Sent 150 ms before the executor is called, with 400 ms to answer: it has 250 ms left, not 400 or 550.
        ScriptedClient client = ScriptedClient.of("test/m", ScriptedClient.hanging());
        long called = System.nanoTime();
        Sample s = execute(client, TokenCounting.ALWAYS, 150 * MS, Duration.ofMillis(400));
        long waited = System.nanoTime() - called;
        assertEquals(ErrorClass.TIMEOUT, s.error().errorClass());
        assertTrue(s.e2eNanos() >= 400 * MS, "never before the timeout: " + s.e2eNanos() / MS + " ms");
        assertTrue(waited >= 250 * MS && waited < 540 * MS, "waited " + waited / MS + " ms of the 250 left");
        assertEquals("no complete answer within 400 ms", s.error().message());
    }
}
