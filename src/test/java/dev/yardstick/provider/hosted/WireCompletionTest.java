package dev.yardstick.provider.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.Secrets;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.http.MalformedStreamException;
import dev.yardstick.testing.FaultServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.StreamCapture;
import dev.yardstick.testing.WireBytes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each protocol's completion rule and our SSE path under langchain4j's real streaming models, fed by a raw-socket
 * server that writes the answer in small pieces: every event split across reads, multi-byte characters cut between
 * two writes, keep-alives between events, error events in the stream.
 */
class WireCompletionTest {

    private static final String[] CHUNKS = {"héllo", " wörld", " 日本語", " 🎉"};
    private static final String TEXT = String.join("", CHUNKS);

    private static FaultServer server;

    @BeforeAll
    static void start() {
        server = FaultServer.start(c -> c.close());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HostedApi api(Protocol protocol) {
        return switch (protocol) {
            case OPENAI -> HostedApi.OPENAI;
            case MISTRAL -> HostedApi.MISTRAL;
            case ANTHROPIC -> HostedApi.ANTHROPIC;
            case GEMINI -> HostedApi.GEMINI;
            case OLLAMA -> HostedApi.OLLAMA;
        };
    }

    private static StreamCapture chat(Protocol protocol, Duration timeout) {
        Connection connection = new Connection(server.baseUrl() + protocol.basePath(), "sk-completion-test",
                Map.of(), timeout, LeanHttpClient.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(timeout));
        StreamingChatModel model = api(protocol).factory().build(connection, "m", ModelParams.DEFAULTS);
        return StreamCapture.chat(model, "hi");
    }

    private static MalformedStreamException malformed(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MalformedStreamException m) {
                return m;
            }
        }
        throw new AssertionError("not a malformed stream: " + error, error);
    }

    /** Pieces of 1, 2, 3 and 5 bytes cut every multi-byte character of the answer somewhere. */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void anAnswerSplitAnywhereWithKeepAlivesArrivesWhole(Protocol protocol) throws Exception {
        for (int piece : new int[] {1, 2, 3, 5}) {
            server.handler(c -> {
                c.readRequest();
                WireBytes answer = WireBytes.answer(protocol, CHUNKS);
                String keepAlive = answer.keepAlive() == null ? "" : answer.keepAlive();
                StringBuilder body = new StringBuilder(keepAlive).append(answer.head()).append(keepAlive);
                answer.chunkFrames().forEach(frame -> body.append(frame).append(keepAlive));
                c.head(200, answer.contentType()).dribble(body.append(answer.tail()).toString(), piece, Duration.ZERO);
            });

            StreamCapture outcome = chat(protocol, Duration.ofSeconds(10));
            ChatResponse response = outcome.response();

            assertEquals(TEXT, outcome.text(), protocol + " in pieces of " + piece);
            assertEquals(TEXT, response.aiMessage().text(), protocol + " in pieces of " + piece);
            assertEquals(FinishReason.STOP, response.finishReason(), protocol + " in pieces of " + piece);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aStreamWithoutItsTerminalEventFailsAndShowsWhatArrived(Protocol protocol) throws Exception {
        server.handler(c -> {
            c.readRequest();
            WireBytes answer = WireBytes.answer(protocol, CHUNKS);
            c.head(200, answer.contentType()).write(answer.head() + answer.chunks());
        });

        MalformedStreamException error = malformed(chat(protocol, Duration.ofSeconds(10)).error());

        assertTrue(error.getMessage().contains("ended without"), error.getMessage());
        assertTrue(error.getMessage().contains("the response began: \""), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "ANTHROPIC", "MISTRAL"})
    void anErrorEventEndsTheStreamAtOnce(Protocol protocol) throws Exception {
        server.handler(c -> {
            c.readRequest();
            WireBytes answer = WireBytes.answer(protocol, CHUNKS);
            String error = protocol == Protocol.ANTHROPIC
                    ? "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                            + "\"message\":\"Overloaded\"}}\n\n"
                    : "event: error\ndata: {\"error\":{\"message\":\"Overloaded\"}}\n\n";
            // The rest of the answer follows: a client that went on reading after the error would complete it.
            c.head(200, answer.contentType()).write(answer.head() + answer.chunkFrames().get(0) + error
                    + answer.chunks() + answer.tail());
        });

        MalformedStreamException error = malformed(chat(protocol, Duration.ofSeconds(10)).error());

        assertTrue(error.getMessage().contains("an error event in the stream")
                && error.getMessage().contains("Overloaded"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "ANTHROPIC"})
    void anEmptyAnswerWithAStopReasonIsComplete(Protocol protocol) throws Exception {
        server.handler(c -> {
            c.readRequest();
            WireBytes answer = WireBytes.answer(protocol);
            c.head(200, answer.contentType()).write(answer.stream());
        });

        StreamCapture outcome = chat(protocol, Duration.ofSeconds(10));

        assertEquals(FinishReason.STOP, outcome.response().finishReason());
        assertEquals("", outcome.text());
    }

    /** It used to wait out the whole timeout: the Anthropic model never completes a body with no message_stop. */
    @Test
    void aCompleteNonSseBodyOverTheAnthropicWireFailsAtOnce() throws Exception {
        server.handler(c -> {
            c.readRequest();
            c.head(200, "text/event-stream").write(WireBytes.answer(Protocol.ANTHROPIC, CHUNKS).stream());
        });
        chat(Protocol.ANTHROPIC, Duration.ofSeconds(30)).response(); // class loading is not what this times
        server.handler(c -> {
            c.readRequest();
            c.fixed(200, "application/json", WireBytes.answer(Protocol.ANTHROPIC, CHUNKS).completeBody());
        });
        long start = System.nanoTime();

        MalformedStreamException error = malformed(chat(Protocol.ANTHROPIC, Duration.ofSeconds(30)).error());

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "failed after " + millis + " ms, against a 30 s timeout");
        assertTrue(error.getMessage().contains("no SSE event"), error.getMessage());
        assertTrue(error.getMessage().contains("\"type\":\"message\""), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "ANTHROPIC", "OLLAMA"})
    void aLineLongerThanTheLimitFailsWithoutBeingReadToItsEnd(Protocol protocol) throws Exception {
        AtomicBoolean clientLeft = new AtomicBoolean();
        java.util.concurrent.CountDownLatch served = new java.util.concurrent.CountDownLatch(1);
        server.handler(c -> {
            c.readRequest();
            c.head(200, WireBytes.answer(protocol).contentType()).write(protocol == Protocol.OLLAMA ? "{" : "data: ");
            clientLeft.set(!c.writeUntilGone("y".repeat(64 << 10).getBytes(StandardCharsets.US_ASCII), 64L << 20));
            served.countDown();
        });

        MalformedStreamException error = malformed(chat(protocol, Duration.ofSeconds(10)).error());

        assertTrue(error.getMessage().contains("a line longer than 1 MiB"), error.getMessage());
        assertTrue(served.await(10, TimeUnit.SECONDS));
        assertTrue(clientLeft.get(), "the client must hang up rather than read the 64 MiB line");
    }

    @Test
    void aSecretInTheFirstBytesIsRedacted() throws Exception {
        String key = "sk-completion-test-0123456789";
        Secrets.remember(key);
        server.handler(c -> {
            c.readRequest();
            c.fixed(200, "text/html", "<html>invalid key " + key + "</html>");
        });

        MalformedStreamException error = malformed(chat(Protocol.OPENAI, Duration.ofSeconds(10)).error());

        assertFalse(error.getMessage().contains(key), error.getMessage());
        assertTrue(error.getMessage().contains("<html>invalid key"), error.getMessage());
    }
}
