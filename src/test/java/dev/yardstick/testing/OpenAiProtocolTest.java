package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.yardstick.config.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real langchain4j OpenAI clients against the loopback server's OpenAI protocol. */
class OpenAiProtocolTest {

    private static LoopbackLlmServer server;
    private static OpenAiStreamingChatModel streaming;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackLlmServer.start();
        streaming = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl(Protocol.OPENAI)).apiKey("sk-test")
                .modelName("gpt-4o-mini").build();
        StreamCapture.chat(streaming, "warm up").response(); // class loading and the first connection
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void streamedTextUsageAndFinishReasonAreWhatTheServerSent() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(7).withTokensPerChunk(2).withCachedInputTokens(3));
        StreamCapture capture = StreamCapture.chat(streaming, "four words of input");
        ChatResponse response = capture.response();

        assertEquals("tok1 tok2 tok3 tok4 tok5 tok6 tok7", capture.text());
        assertEquals(List.of("tok1 tok2", " tok3 tok4", " tok5 tok6", " tok7"), capture.partials());
        assertEquals("tok1 tok2 tok3 tok4 tok5 tok6 tok7", response.aiMessage().text());
        assertEquals(4, response.tokenUsage().inputTokenCount());
        assertEquals(7, response.tokenUsage().outputTokenCount());
        assertEquals(11, response.tokenUsage().totalTokenCount());
        assertEquals(3, ((OpenAiTokenUsage) response.tokenUsage()).inputTokensDetails().cachedTokens());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals("chatcmpl-loopback0", response.id());
        assertEquals("gpt-4o-mini", response.modelName());
    }

    @Test
    void recordsTheRequestAsReceived() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from("Be brief."), UserMessage.from("Hello there")).build();
        StreamCapture capture = new StreamCapture();
        streaming.chat(request, capture);
        capture.response();

        assertEquals(1, server.requestCount());
        RecordedRequest recorded = server.lastRequest();
        assertEquals(Protocol.OPENAI, recorded.protocol());
        assertEquals("/v1/chat/completions", recorded.path());
        assertEquals("Bearer sk-test", recorded.header("Authorization"));
        assertEquals(List.of(Message.system("Be brief."), Message.user("Hello there")), recorded.messages());
        assertEquals("gpt-4o-mini", recorded.model());
        assertTrue(recorded.stream());
        assertTrue(recorded.body().path("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void maxTokensBelowTheOutputCutsItAndReportsLength() throws Exception {
        OpenAiStreamingChatModel capped = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl(Protocol.OPENAI))
                .apiKey("sk-test").modelName("gpt-4o-mini").maxTokens(3).build();
        ChatResponse response = StreamCapture.chat(capped, "hi").response();
        assertEquals("tok1 tok2 tok3", response.aiMessage().text());
        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals(3, response.tokenUsage().outputTokenCount());
    }

    @Test
    void timeToFirstTokenAndToCompletionFollowTheInjectedDelays() throws Exception {
        // 100 ms TTFT then 4 gaps of 20 ms: first partial at ~100 ms, the end at ~180 ms; tolerance ±40 ms.
        server.behavior(Behavior.DEFAULT.withTtft(Duration.ofMillis(100)).withItl(Duration.ofMillis(20))
                .withTokens(5).withKeepAlive(true));
        StreamCapture capture = StreamCapture.chat(streaming, "time me");
        capture.response();
        assertWithin(100, capture.timeToFirstPartial());
        assertWithin(180, capture.timeToEnd());
        assertEquals(5, capture.partials().size());
    }

    @Test
    void rateLimitSurfacesAsStatus429() throws Exception {
        server.enqueue(Behavior.DEFAULT.rateLimited(Duration.ofSeconds(2)));
        Throwable error = StreamCapture.chat(streaming, "hi").error();
        assertEquals(429, StreamCapture.statusIn(error), () -> "chain: " + error);
        // The one-shot is used up: the next request succeeds.
        assertEquals(Behavior.DEFAULT.text(), StreamCapture.chat(streaming, "hi").response().aiMessage().text());
    }

    @Test
    void serverErrorSurfacesFromTheBlockingClient() {
        server.behavior(Behavior.DEFAULT.failing(503));
        OpenAiChatModel blocking = OpenAiChatModel.builder().baseUrl(server.baseUrl(Protocol.OPENAI)).apiKey("sk-test")
                .modelName("gpt-4o-mini").maxRetries(0).build();
        RuntimeException error = assertThrows(RuntimeException.class, () -> blocking.chat("hi"));
        assertEquals(503, StreamCapture.statusIn(error), () -> "chain: " + error);
    }

    @Test
    void brokenStreamEndsInOnError() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(10).brokenAfter(3));
        StreamCapture capture = StreamCapture.chat(streaming, "hi");
        Throwable error = capture.error();
        assertEquals(List.of("tok1", " tok2", " tok3"), capture.partials(), () -> "error: " + error);
    }

    @Test
    void blockingClientGetsTheWholeAnswerAndUsage() {
        server.behavior(Behavior.DEFAULT.withReply("The answer is forty-two."));
        OpenAiChatModel blocking = OpenAiChatModel.builder().baseUrl(server.baseUrl(Protocol.OPENAI)).apiKey("sk-test")
                .modelName("gpt-4o-mini").maxRetries(0).build();
        ChatResponse response = blocking.chat(ChatRequest.builder().messages(UserMessage.from("what is it")).build());
        assertEquals("The answer is forty-two.", response.aiMessage().text());
        assertEquals(3, response.tokenUsage().inputTokenCount());
        assertEquals(4, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertFalse(server.lastRequest().stream());
    }

    static void assertWithin(long expectedMillis, Duration measured) {
        long millis = measured.toMillis();
        assertTrue(Math.abs(millis - expectedMillis) <= 40,
                () -> "expected " + expectedMillis + " ms ± 40 ms, measured " + millis + " ms");
    }
}
