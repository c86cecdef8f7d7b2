package dev.yardstick.provider.http;

import static dev.yardstick.provider.http.ScriptedServer.SSE_HEAD;
import static dev.yardstick.provider.http.ScriptedServer.chunk;
import static dev.yardstick.provider.http.ScriptedServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Streams pushed to their decoder on the event loop ({@link LoopTransport}, {@link PushedStream}) against a raw
 * loopback server: decoding on the loop's thread, keep-alive reuse and the retry of a connection the server closed,
 * the three body framings, and the failures (a body cut mid-chunk, the read timeout, nothing at all, a status), the
 * caller's interrupt and the decoder's own cancel. The OpenAI path's suites run over it by default (over sockets with
 * {@code -Dyardstick.http.streams=socket}).
 */
class LoopTransportTest {

    private static final String ANSWER = chunk("data: {\"a\":1}\n\n") + chunk("data: {\"a\":2}\n\n")
            + chunk("data: [DONE]\n\n") + "0\r\n\r\n";

    /** A decoder that frames SSE pushed to it and needs {@code [DONE]} to be complete. */
    private static final class Pushed implements BodyDecoder {
        final List<String> events = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch firstEvent = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();
        final boolean cancelAtFirst;
        volatile Runnable cancel;
        volatile boolean completed;
        volatile RuntimeException failure;
        volatile boolean done;

        Pushed() {
            this(false);
        }

        Pushed(boolean cancelAtFirst) {
            this.cancelAtFirst = cancelAtFirst;
        }

        @Override
        public void opened(Runnable cancel) {
            this.cancel = cancel;
        }

        @Override
        public String read(InputStream body) throws IOException {
            throw new IOException("read on the calling thread: the body should have been pushed");
        }

        @Override
        public boolean boundsLines() {
            return true;
        }

        @Override
        public Push push() {
            SseFrames frames = SseFrames.withLimits();
            SseFrames.Sink sink = (event, data, offset, length) -> {
                threads.add(Thread.currentThread().getName());
                String text = new String(data, offset, length, StandardCharsets.UTF_8);
                events.add(text);
                done |= text.equals("[DONE]");
                firstEvent.countDown();
                if (cancelAtFirst) {
                    cancel.run();
                }
                return null;
            };
            return new Push() {
                @Override
                public String accept(byte[] bytes, int offset, int length) throws IOException {
                    return frames.feed(bytes, offset, length, sink);
                }

                @Override
                public String end() throws IOException {
                    String wrong = frames.end(sink);
                    return wrong != null ? wrong : done ? null : "no [DONE]";
                }

                @Override
                public void close() {
                    assertFalse(closed.getAndSet(true), "closed twice");
                }
            };
        }

        @Override
        public void completed() {
            completed = true;
        }

        @Override
        public void failed(RuntimeException failure) {
            this.failure = failure;
        }
    }

    private static LeanHttpClient client(Duration readTimeout) {
        return LeanHttpClient.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(readTimeout)
                .transport((connect, read) -> new SchemeTransport(connect, read, true)).build();
    }

    private static HttpTransport.Request post(ScriptedServer server) {
        return new HttpTransport.Request("POST", server.uri(), Map.of("Content-Type", List.of("application/json")),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static Pushed stream(LeanHttpClient client, ScriptedServer server) {
        Pushed decoder = new Pushed();
        client.stream(post(server), decoder);
        assertTrue(decoder.closed.get(), "the push reader is given back");
        return decoder;
    }

    @Test
    void decodesOnTheLoopAndReusesTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, out) -> {
            write(out, SSE_HEAD + ANSWER);
            return true;
        }); LeanHttpClient client = client(Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                Pushed decoder = stream(client, server);
                assertNull(decoder.failure);
                assertTrue(decoder.completed);
                assertEquals(List.of("{\"a\":1}", "{\"a\":2}", "[DONE]"), decoder.events);
                assertTrue(decoder.threads.stream().allMatch(t -> t.startsWith("yardstick-http-loop")),
                        decoder.threads::toString);
            }
            assertEquals(1, server.accepted.get(), "one keep-alive connection for the three requests");
            assertEquals(3, server.requests.get());
        }
    }

    @Test
    void readsLengthDelimitedAndCloseDelimitedBodiesByteByByte() throws Exception {
        String body = "data: {\"a\":1}\n\ndata: [DONE]\n\n";
        try (ScriptedServer server = new ScriptedServer((c, r, out) -> {
            boolean length = r == 1;
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + (length ? "Content-Length: " + body.length() + "\r\n" : "Connection: close\r\n") + "\r\n");
            for (byte b : body.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
            }
            return length;
        }); LeanHttpClient client = client(Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                Pushed decoder = stream(client, server);
                assertNull(decoder.failure, () -> String.valueOf(decoder.failure));
                assertEquals(List.of("{\"a\":1}", "[DONE]"), decoder.events);
            }
            // The first connection: a length-delimited answer, then a close-delimited one; the third needs another.
            assertEquals(2, server.accepted.get(), "the close-delimited body's connection is not reused");
        }
    }

    @Test
    void aServerClosingMidChunkBreaksTheStreamWithItsFirstBytes() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, out) -> {
            write(out, SSE_HEAD + chunk("data: {\"a\":1}\n\n") + "40\r\ndata: {\"a\"");
            return false;
        }); LeanHttpClient client = client(Duration.ofSeconds(5))) {
            Pushed decoder = stream(client, server);
            assertFalse(decoder.completed);
            MalformedStreamException broken = assertInstanceOf(MalformedStreamException.class,
                    assertInstanceOf(UncheckedIOException.class, decoder.failure).getCause());
            assertTrue(broken.getMessage().startsWith("the response broke off (EOFException: connection closed "
                    + "before the response ended); the response began: \"data: {\"a\":1}"), broken.getMessage());
            assertEquals(List.of("{\"a\":1}"), decoder.events);
        }
    }

    @Test
    void aSilenceLongerThanTheReadTimeoutTimesOutNeverBefore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, r, out) -> {
            write(out, SSE_HEAD + chunk("data: {\"a\":1}\n\n"));
            release.await();
            return false;
        }); LeanHttpClient client = client(Duration.ofMillis(300))) {
            long start = System.nanoTime();
            Pushed decoder = stream(client, server);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            release.countDown();
            assertInstanceOf(TimeoutException.class, decoder.failure);
            assertTrue(waited >= 300, "timed out after " + waited + " ms");
            assertEquals(List.of("{\"a\":1}"), decoder.events);
        }
    }

    @Test
    void noResponseAtAllAndNoHeadInTimeAreToldApart() throws Exception {
        try (ScriptedServer closing = new ScriptedServer((c, r, out) -> false);
             LeanHttpClient client = client(Duration.ofSeconds(5))) {
            Pushed decoder = stream(client, closing);
            assertInstanceOf(NoResponseException.class,
                    assertInstanceOf(UncheckedIOException.class, decoder.failure).getCause());
            assertNull(decoder.cancel, "no head: the decoder was never opened");
        }
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer silent = new ScriptedServer((c, r, out) -> {
            release.await();
            return false;
        }); LeanHttpClient client = client(Duration.ofMillis(200))) {
            Pushed decoder = stream(client, silent);
            release.countDown();
            assertInstanceOf(TimeoutException.class, decoder.failure);
        }
    }

    @Test
    void aStatusCarriesItsErrorBodyAndRetryAfter() throws Exception {
        String error = "{\"error\":{\"message\":\"slow down\"}}";
        try (ScriptedServer server = new ScriptedServer((c, r, out) -> {
            write(out, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: " + error.length()
                    + "\r\n\r\n" + error);
            return true;
        }); LeanHttpClient client = client(Duration.ofSeconds(5))) {
            Pushed decoder = stream(client, server);
            HttpStatusException status = assertInstanceOf(HttpStatusException.class, decoder.failure);
            assertEquals(429, status.statusCode());
            assertEquals(error, status.body());
            assertEquals(Duration.ofSeconds(2), status.retryAfter().orElseThrow());
            assertNull(decoder.cancel);
        }
    }

    @Test
    void aPooledConnectionTheServerClosedIsTriedOnceMoreOnAFreshOne() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, out) -> {
            write(out, SSE_HEAD + ANSWER);
            return false; // keep-alive promised, then closed
        }); LeanHttpClient client = client(Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                Pushed decoder = stream(client, server);
                assertNull(decoder.failure, () -> String.valueOf(decoder.failure));
                assertTrue(decoder.completed);
            }
            assertEquals(3, server.accepted.get());
        }
    }

    /** Sends the head and one event, then stalls: it waits for the client's next request or its close. */
    private static ScriptedServer stalling() throws IOException {
        return new ScriptedServer((c, r, out) -> {
            write(out, SSE_HEAD + chunk("data: {\"a\":1}\n\n"));
            return true;
        });
    }

    @Test
    void interruptingTheWaitingCallerCancelsTheExchangeMidStream() throws Exception {
        try (ScriptedServer server = stalling(); LeanHttpClient client = client(null)) {
            Pushed decoder = new Pushed();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread caller = Thread.ofVirtual().start(() -> {
                client.stream(post(server), decoder);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            assertTrue(decoder.firstEvent.await(5, TimeUnit.SECONDS));
            caller.interrupt();
            caller.join(5_000);
            assertFalse(caller.isAlive(), "the interrupt ended the stream");
            assertInstanceOf(CancellationException.class, decoder.failure);
            assertTrue(stillInterrupted.get(), "the caller still sees its interrupt");
            assertTrue(decoder.closed.get());
            assertTrue(server.awaitClientClose(5_000), "the connection was dropped");
        }
    }

    @Test
    void theDecodersCancelOnTheLoopEndsTheStreamWithNothingReported() throws Exception {
        try (ScriptedServer server = stalling(); LeanHttpClient client = client(null)) {
            Pushed decoder = new Pushed(true);
            Thread thread = Thread.ofVirtual().start(() -> client.stream(post(server), decoder));
            thread.join(5_000);
            assertFalse(thread.isAlive(), "the cancel ended the stream");
            assertNull(decoder.failure);
            assertFalse(decoder.completed);
            assertTrue(decoder.closed.get());
            assertTrue(server.awaitClientClose(5_000), "the connection was dropped");
        }
    }
}
