package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.config.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every protocol must give a real langchain4j streaming client: the text the server sent, its usage block as
 * the response's TokenUsage, the finish reason, a 429 whose exception chain carries the status, onError on a broken
 * stream, and timings that follow the injected delays. Each subclass supplies one provider's client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProtocolContractTest {

    /** Allowed distance between a measured and an injected delay (scheduling, loopback I/O, client parsing). */
    static final long TOLERANCE_MILLIS = 40;

    protected LoopbackLlmServer server;
    protected StreamingChatModel streaming;

    protected abstract Protocol protocol();

    /** The provider's real streaming client, pointed at this base URL. */
    protected abstract StreamingChatModel streamingClient(String baseUrl);

    @BeforeAll
    void startServerAndWarmUp() throws Exception {
        server = LoopbackLlmServer.start();
        streaming = streamingClient(server.baseUrl(protocol()));
        StreamCapture.chat(streaming, "warm up").response(); // class loading and the first connection
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    @Test
    void streamedTextUsageAndFinishReasonAreWhatTheServerSent() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(7).withTokensPerChunk(2));
        StreamCapture capture = StreamCapture.chat(streaming, "four words of input");
        ChatResponse response = capture.response();

        assertEquals(List.of("tok1 tok2", " tok3 tok4", " tok5 tok6", " tok7"), capture.partials());
        assertEquals("tok1 tok2 tok3 tok4 tok5 tok6 tok7", response.aiMessage().text());
        assertEquals(4, response.tokenUsage().inputTokenCount());
        assertEquals(7, response.tokenUsage().outputTokenCount());
        assertEquals(11, response.tokenUsage().totalTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
    }

    @Test
    void reportedUsageCanDifferFromWhatWasSent() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(3).withReportedUsage(120, 45));
        ChatResponse response = StreamCapture.chat(streaming, "hi").response();
        assertEquals("tok1 tok2 tok3", response.aiMessage().text());
        assertEquals(120, response.tokenUsage().inputTokenCount());
        assertEquals(45, response.tokenUsage().outputTokenCount());
    }

    @Test
    void withoutUsageTheClientStillCompletesAndHasNoServerCount() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(3).withUsage(Behavior.UsageMode.NEVER));
        ChatResponse response = StreamCapture.chat(streaming, "hi").response();
        assertEquals("tok1 tok2 tok3", response.aiMessage().text());
        // OpenAI, Mistral, Ollama and Gemini clients give no count; the Anthropic client fills in zeros.
        TokenUsage usage = response.tokenUsage();
        assertTrue(usage == null || usage.outputTokenCount() == null || usage.outputTokenCount() == 0,
                () -> "usage: " + usage);
    }

    @Test
    void recordsTheConversationAsTheProviderReceivedIt() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from("Be brief."), UserMessage.from("Hello there")).build();
        StreamCapture.chat(streaming, request).response();

        assertEquals(1, server.requestCount());
        RecordedRequest recorded = server.lastRequest();
        assertEquals(protocol(), recorded.protocol());
        assertEquals(List.of(Message.system("Be brief."), Message.user("Hello there")), recorded.messages());
        assertTrue(recorded.stream());
        assertEquals(expectedModel(), recorded.model());
        assertTrue(recorded.arrivalNanos() > 0);
    }

    @Test
    void maxTokensBelowTheOutputCutsItAndReportsLength() throws Exception {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi")).maxOutputTokens(3).build();
        ChatResponse response = StreamCapture.chat(streaming, request).response();
        assertEquals("tok1 tok2 tok3", response.aiMessage().text());
        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals(3, response.tokenUsage().outputTokenCount());
    }

    @Test
    void timeToFirstPartialAndToCompletionFollowTheInjectedDelays() throws Exception {
        // 100 ms TTFT, then 4 gaps of 20 ms: the first partial at ~100 ms, the end at ~180 ms. The machine is
        // shared, so a stall of the test JVM can only add delay: up to three attempts, the first in tolerance wins.
        server.behavior(Behavior.DEFAULT.withTtft(Duration.ofMillis(100)).withItl(Duration.ofMillis(20))
                .withTokens(5).withKeepAlive(true));
        List<String> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            StreamCapture capture = StreamCapture.chat(streaming, "time me");
            capture.response();
            assertEquals(5, capture.partials().size());
            long ttft = capture.timeToFirstPartial().toMillis();
            long end = capture.timeToEnd().toMillis();
            assertTrue(ttft >= 100 && end >= 180, () -> "earlier than injected: " + capture.timeToFirstPartial());
            if (ttft <= 100 + TOLERANCE_MILLIS && end <= 180 + TOLERANCE_MILLIS) {
                return;
            }
            attempts.add("ttft " + ttft + " ms, end " + end + " ms");
        }
        throw new AssertionError("expected ttft 100 ms and end 180 ms ± " + TOLERANCE_MILLIS + " ms: " + attempts);
    }

    @Test
    void rateLimitSurfacesWithStatus429AndTheNextRequestSucceeds() throws Exception {
        server.enqueue(Behavior.DEFAULT.rateLimited(Duration.ofSeconds(2)));
        Throwable error = StreamCapture.chat(streaming, "hi").error();
        assertEquals(429, StreamCapture.statusIn(error), () -> "chain: " + error);
        assertEquals(Behavior.DEFAULT.text(), StreamCapture.chat(streaming, "hi").response().aiMessage().text());
    }

    @Test
    void serverErrorSurfacesWithItsStatus() throws Exception {
        server.behavior(Behavior.DEFAULT.failing(503));
        Throwable error = StreamCapture.chat(streaming, "hi").error();
        assertEquals(503, StreamCapture.statusIn(error), () -> "chain: " + error);
    }

    @Test
    void brokenStreamEndsInOnErrorAfterTheChunksSent() throws Exception {
        // The drop comes when the 4th chunk is due, 20 ms after the 3rd. With no gap at all, the JDK HTTP client may
        // report the drop before its reader has taken chunks that did arrive (its input stream fails fast).
        server.behavior(Behavior.DEFAULT.withTokens(10).withItl(Duration.ofMillis(20)).brokenAfter(3));
        StreamCapture capture = StreamCapture.chat(streaming, "hi");
        Throwable error = capture.error();
        assertNotNull(error);
        assertEquals(List.of("tok1", " tok2", " tok3"), capture.partials(), () -> "error: " + error);
    }

    /** The model name the client under test sends. */
    protected String expectedModel() {
        return "test-model";
    }
}
