package dev.yardstick.provider.http;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.yardstick.config.Secrets;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean client under langchain4j's real OpenAI models, against the loopback server. */
class LeanHttpClientTest {

    private static LoopbackLlmServer server;

    @BeforeAll
    static void start() {
        server = LoopbackLlmServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static OpenAiStreamingChatModel streaming(Duration timeout) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(LeanHttpClient.builder())
                .baseUrl(server.baseUrl(Protocol.OPENAI))
                .apiKey("sk-lean-test")
                .modelName("gpt-4o-mini")
                .timeout(timeout)
                .build();
    }

    @Test
    void streamsTextAndUsageSynchronouslyOnTheCallingThread() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(5).withItl(Duration.ofMillis(5)));
        Conversation conversation = Conversation.run(streaming(Duration.ofSeconds(5)), "three input words");

        assertTrue(conversation.done.isDone(), "chat() must return only when the stream has ended");
        ChatResponse response = conversation.response();
        assertEquals("tok1 tok2 tok3 tok4 tok5", conversation.text());
        assertEquals("tok1 tok2 tok3 tok4 tok5", response.aiMessage().text());
        assertEquals(3, response.tokenUsage().inputTokenCount());
        assertEquals(5, response.tokenUsage().outputTokenCount());
        assertEquals(List.of(Thread.currentThread()), conversation.callbackThreads.stream().distinct().toList());
        assertEquals("Bearer sk-lean-test", server.lastRequest().header("Authorization"));
    }

    @Test
    void blockingExecuteReturnsTheWholeAnswer() {
        server.behavior(Behavior.DEFAULT.withReply("Paris is the capital."));
        OpenAiChatModel model = OpenAiChatModel.builder()
                .httpClientBuilder(LeanHttpClient.builder())
                .baseUrl(server.baseUrl(Protocol.OPENAI))
                .apiKey("sk-lean-test")
                .modelName("gpt-4o-mini")
                .build();

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(UserMessage.from("capital of France?")).build());

        assertEquals("Paris is the capital.", response.aiMessage().text());
        assertEquals(3, response.tokenUsage().inputTokenCount());
    }

    @Test
    void aClientWithoutTimeoutsWaitsAsLongAsItTakes() {
        try (LeanHttpClient client = LeanHttpClient.builder().build()) {
            SuccessfulHttpResponse response = client.execute(HttpRequest.builder()
                    .method(HttpMethod.GET).url(server.baseUrl(Protocol.OPENAI), "models").build());

            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("\"object\""), response.body());
            assertTrue(response.contentType().startsWith("application/json"), response.contentType());
            assertEquals(1, server.probeCount());
        }
    }

    @Test
    void aClientWithoutTimeoutsSurvivesASlowAnswerOnAReusedConnection() {
        // Helidon watches an idle pooled connection with 101 ms reads; with an infinite socket timeout its watcher
        // gives up after one of them and fails the NEXT request if that answer takes longer to start.
        try (LeanHttpClient client = LeanHttpClient.builder().build()) {
            HttpRequest models = HttpRequest.builder()
                    .method(HttpMethod.GET).url(server.baseUrl(Protocol.OPENAI), "models").build();
            assertEquals(200, client.execute(models).statusCode());
            server.behavior(Behavior.DEFAULT.stalling(Duration.ofMillis(400)));
            HttpRequest chat = HttpRequest.builder()
                    .method(HttpMethod.POST).url(server.baseUrl(Protocol.OPENAI), "chat/completions")
                    .addHeader("Content-Type", "application/json")
                    .body("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").build();

            SuccessfulHttpResponse response = client.execute(chat);

            assertTrue(response.body().contains("tok1"), response.body());
        }
    }

    @Test
    void httpsUrlsAreSpokenWithTls() throws Exception {
        // A loopback socket that hangs up on whatever it receives: a client that really starts a TLS handshake fails
        // it with an SSL error (a plain-HTTP client would fail with an end of stream instead).
        try (ServerSocket hangUp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LeanHttpClient client = LeanHttpClient.builder().readTimeout(Duration.ofSeconds(5)).build()) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = hangUp.accept()) {
                    socket.getInputStream().read(new byte[512]);
                } catch (IOException ignored) {
                    // the client saw the hang-up, which is the point
                }
            });
            String httpsUrl = "https://127.0.0.1:" + hangUp.getLocalPort() + "/v1";
            HttpRequest models = HttpRequest.builder().method(HttpMethod.GET).url(httpsUrl, "models").build();

            RuntimeException error = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(RuntimeException.class, () -> client.execute(models)));

            boolean sslFailure = false;
            for (Throwable t = error; t != null; t = t.getCause()) {
                sslFailure |= t instanceof SSLException;
            }
            assertTrue(sslFailure, "expected a TLS failure, got " + error);
        }
    }

    @Test
    void aSilentTlsHandshakeTimesOutWithinTheReadTimeout() throws IOException {
        // The loopback server speaks plain HTTP: it takes the TLS ClientHello for the start of a request line and
        // waits for the rest, so the handshake gets no answer. Helidon alone sets the read timeout only after the
        // handshake and would wait forever; the client bounds the handshake by the read timeout.
        String httpsUrl = server.baseUrl(Protocol.OPENAI).replace("http://", "https://");
        try (LeanHttpClient client = LeanHttpClient.builder().readTimeout(Duration.ofMillis(300)).build()) {
            // The https engine is built on the first https request: build it off the clock, on a refused connection.
            HttpRequest refused = HttpRequest.builder().method(HttpMethod.GET).url(closedHttpsUrl(), "models").build();
            assertThrows(RuntimeException.class, () -> client.execute(refused));
            HttpRequest models = HttpRequest.builder().method(HttpMethod.GET).url(httpsUrl, "models").build();
            long start = System.nanoTime();

            RuntimeException error = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(RuntimeException.class, () -> client.execute(models)));

            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(TimeoutException.class, error, String.valueOf(error));
            assertTrue(elapsedMillis < 3_000, "handshake took " + elapsedMillis + " ms");
            assertEquals(0, server.probeCount(), "no plain HTTP request may have reached the server");
        }
    }

    /** An https URL on a loopback port nothing listens on (it was free a moment ago). */
    private static String closedHttpsUrl() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "https://127.0.0.1:" + free.getLocalPort() + "/v1";
        }
    }

    @Test
    void rateLimitKeepsStatusAndRetryAfterInTheCauseChain() throws Exception {
        server.behavior(Behavior.DEFAULT.rateLimited(Duration.ofSeconds(2)));
        Throwable error = Conversation.run(streaming(Duration.ofSeconds(5)), "hi").error();

        assertInstanceOf(RateLimitException.class, error);
        HttpStatusException status = assertInstanceOf(HttpStatusException.class, error.getCause());
        assertEquals(429, status.statusCode());
        assertEquals(Duration.ofSeconds(2), status.retryAfter().orElseThrow());
        assertTrue(status.body().contains("Rate limit reached"), status.body());
    }

    @Test
    void serverErrorMapsToInternalServerExceptionWithTheBodyKept() throws Exception {
        server.behavior(Behavior.DEFAULT.failing(500));
        Throwable error = Conversation.run(streaming(Duration.ofSeconds(5)), "hi").error();

        assertInstanceOf(InternalServerException.class, error);
        HttpStatusException status = HttpStatusException.findIn(error).orElseThrow();
        assertEquals(500, status.statusCode());
        assertTrue(status.body().contains("had an error while processing"), status.body());
    }

    @Test
    void anErrorBodyEchoingTheKeyIsRedacted() throws Exception {
        // Providers echo (part of) a rejected key in their error body. The loopback server does not, so a transport
        // stands in for one: it answers 500 with the request's own Authorization header in the body.
        String key = "sk-lean-redaction-test-0123456789";
        Secrets.remember(key);
        HttpTransport echoing = new HttpTransport() {
            @Override
            public Exchange send(Request request) {
                String body = "{\"error\":{\"message\":\"bad key " + request.headers().get("Authorization") + "\"}}";
                return new Exchange() {
                    public int status() {
                        return 500;
                    }

                    public Map<String, List<String>> headers() {
                        return Map.of("Content-Type", List.of("application/json"));
                    }

                    public InputStream body() {
                        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
                    }

                    public void close() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(LeanHttpClient.builder().transport((connect, read) -> echoing))
                .baseUrl("http://127.0.0.1:9/v1").apiKey(key).modelName("gpt-4o-mini").build();

        Throwable error = Conversation.run(model, "hi").error();

        HttpStatusException status = HttpStatusException.findIn(error).orElseThrow();
        assertEquals("{\"error\":{\"message\":\"bad key [Bearer ***]\"}}", status.body());
        assertFalse(error.toString().contains(key), error.toString());
        assertFalse(status.getMessage().contains(key), status.getMessage());
    }

    @Test
    void brokenStreamEndsInOnErrorAndNeverInCompletion() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(10).brokenAfter(3));
        Conversation conversation = Conversation.run(streaming(Duration.ofSeconds(5)), "hi");

        Throwable error = conversation.error();
        assertEquals("tok1 tok2 tok3", conversation.text());
        assertTrue(HttpStatusException.findIn(error).isEmpty());
        assertFalse(error instanceof CancellationException, "a broken stream is not a cancellation: " + error);
    }

    @Test
    void silenceLongerThanTheReadTimeoutFailsAsTimeout() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(3).withTtft(Duration.ofSeconds(3)));
        long start = System.nanoTime();
        Throwable error = Conversation.run(streaming(Duration.ofMillis(300)), "hi").error();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertInstanceOf(TimeoutException.class, error, String.valueOf(error));
        assertTrue(elapsedMillis >= 250 && elapsedMillis < 2_000, elapsedMillis + " ms");
    }

    @Test
    void readTimeoutAlsoGuardsTheGapsBetweenTokens() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(3).withItl(Duration.ofSeconds(3)));
        Conversation conversation = Conversation.run(streaming(Duration.ofMillis(300)), "hi");

        assertInstanceOf(TimeoutException.class, conversation.error());
        assertEquals("tok1", conversation.text());
    }

    @Test
    void interruptingTheCallerAbortsWithin200Milliseconds() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(3).withItl(Duration.ofSeconds(5)));
        OpenAiStreamingChatModel model = streaming(Duration.ofSeconds(30));
        CountDownLatch firstToken = new CountDownLatch(1);
        Conversation conversation = new Conversation((c, context) -> firstToken.countDown());
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        long[] returnedAt = new long[1];
        Thread caller = Thread.ofVirtual().start(() -> {
            model.chat("hi", conversation);
            returnedAt[0] = System.nanoTime();
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        assertTrue(firstToken.await(5, TimeUnit.SECONDS));
        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(Duration.ofSeconds(5));

        long abortMillis = (returnedAt[0] - interruptedAt) / 1_000_000;
        assertTrue(abortMillis < 200, "aborted after " + abortMillis + " ms");
        assertInstanceOf(CancellationException.class, conversation.error());
        assertTrue(stillInterrupted.get(), "the interrupt flag must survive for the caller");
    }

    @Test
    void interruptWhileWaitingForTheHeadAbortsToo() throws Exception {
        server.behavior(Behavior.DEFAULT.hanging());
        OpenAiStreamingChatModel model = streaming(Duration.ofSeconds(30));
        Conversation conversation = new Conversation();
        Thread caller = Thread.ofVirtual().start(() -> model.chat("hi", conversation));
        Thread.sleep(300);
        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(Duration.ofSeconds(5));

        long abortMillis = (System.nanoTime() - interruptedAt) / 1_000_000;
        assertFalse(caller.isAlive());
        assertTrue(abortMillis < 200, "aborted after " + abortMillis + " ms");
        assertInstanceOf(CancellationException.class, conversation.error());
    }

    @Test
    void cancellingTheStreamStopsReadingWithoutAnError() throws Exception {
        server.behavior(Behavior.DEFAULT.withTokens(10).withItl(Duration.ofMillis(500)));
        Conversation conversation = new Conversation((c, context) -> {
            if (c.partials.size() == 2) {
                context.streamingHandle().cancel();
            }
        });
        long start = System.nanoTime();
        streaming(Duration.ofSeconds(30)).chat("hi", conversation);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("tok1 tok2", conversation.text());
        assertTrue(elapsedMillis < 1_500, "a cancelled stream must not be read to its end: " + elapsedMillis + " ms");
        assertFalse(conversation.done.isDone(), "neither completion nor error after a cancel");
    }

    @Test
    void aParserThatThrowsEndsInOnErrorNotInOnClose() {
        List<String> calls = new CopyOnWriteArrayList<>();
        ServerSentEventListener listener = new ServerSentEventListener() {
            @Override
            public void onOpen(SuccessfulHttpResponse response) {
                calls.add("open " + response.statusCode());
            }

            @Override
            public void onError(Throwable error) {
                calls.add("error " + error.getMessage());
            }

            @Override
            public void onClose() {
                calls.add("close");
            }
        };
        ServerSentEventParser failing = (body, l) -> {
            throw new IllegalStateException("parser bug");
        };
        HttpRequest chat = HttpRequest.builder()
                .method(HttpMethod.POST).url(server.baseUrl(Protocol.OPENAI), "chat/completions")
                .addHeader("Content-Type", "application/json")
                .body("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .build();
        try (LeanHttpClient client = LeanHttpClient.builder().readTimeout(Duration.ofSeconds(5)).build()) {
            client.execute(chat, failing, listener);
        }

        assertEquals(List.of("open 200", "error parser bug"), calls);
    }

    @Test
    void theClientCanBeReusedAfterAFailure() throws Exception {
        OpenAiStreamingChatModel model = streaming(Duration.ofSeconds(5));
        server.enqueue(Behavior.DEFAULT.withTokens(10).brokenAfter(2), Behavior.DEFAULT.failing(503));
        server.behavior(Behavior.DEFAULT.withTokens(2));
        Conversation.run(model, "one").error();
        Conversation.run(model, "two").error();

        assertEquals("tok1 tok2", Conversation.run(model, "three").text());
        assertEquals(3, server.requestCount());
    }
}
