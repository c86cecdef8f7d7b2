package dev.yardstick.provider.http;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's rules for one exchange, over a transport that answers with fixed bytes: which statuses are answers,
 * what a listener or a protocol's completion rule can end, and the bounds on what is read.
 */
class ExchangeRulesTest {

    private static final HttpRequest REQUEST = HttpRequest.builder()
            .method(HttpMethod.POST).url("http://127.0.0.1:9/v1/chat").body("{}").build();
    private static final String TWO_EVENTS = "data: a\n\ndata: b\n\n";

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** A transport whose every exchange answers {@code status} with {@code body}; counts the requests it sent. */
    private static final class Fixed implements HttpTransport {
        final int status;
        final Supplier<InputStream> body;
        final IOException refusal;
        final AtomicInteger sent = new AtomicInteger();

        Fixed(int status, Supplier<InputStream> body, IOException refusal) {
            this.status = status;
            this.body = body;
            this.refusal = refusal;
        }

        static Fixed answering(int status, String body) {
            return new Fixed(status, () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), null);
        }

        @Override
        public Exchange send(Request request) throws IOException {
            sent.incrementAndGet();
            if (refusal != null) {
                throw refusal;
            }
            InputStream in = body.get();
            return new Exchange() {
                public int status() {
                    return status;
                }

                public Map<String, List<String>> headers() {
                    return Map.of();
                }

                public InputStream body() {
                    return in;
                }

                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    /** Records what the client told it, in order; can be made to throw on an event or on open. */
    private static final class Calls implements ServerSentEventListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        String throwOnData;
        boolean throwOnOpen;

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            calls.add("open " + response.statusCode());
            if (throwOnOpen) {
                throw new IllegalStateException("listener bug on open");
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            calls.add("event " + event.data());
            if (event.data().equals(throwOnData)) {
                throw new IllegalStateException("listener bug");
            }
        }

        @Override
        public void onError(Throwable error) {
            calls.add("error");
            errors.add(error);
        }

        @Override
        public void onClose() {
            calls.add("close");
        }
    }

    private static Calls stream(HttpTransport transport, Supplier<StreamCompletion> completion, Calls calls) {
        LeanHttpClientBuilder builder = LeanHttpClient.builder().transport((connect, read) -> transport);
        if (completion != null) {
            builder.completion(completion);
        }
        try (LeanHttpClient client = builder.build()) {
            client.execute(REQUEST, new DefaultServerSentEventParser(), calls);
        }
        return calls;
    }

    private static Calls stream(HttpTransport transport) {
        return stream(transport, null, new Calls());
    }

    @Test
    void onlyTwoHundredsAreAnswers() {
        for (int status : new int[]{200, 204, 299}) {
            assertEquals(List.of("open " + status, "event a", "event b", "close"),
                    stream(Fixed.answering(status, TWO_EVENTS)).calls, "HTTP " + status);
        }
        for (int status : new int[]{199, 300, 400, 503}) {
            Calls calls = stream(Fixed.answering(status, "{\"error\":\"no\"}"));
            assertEquals(List.of("error"), calls.calls, "HTTP " + status);
            assertEquals(status, HttpStatusException.findIn(calls.errors.getFirst()).orElseThrow().statusCode());
        }
    }

    @Test
    void aListenerThatThrowsOnAnEventFailsTheStreamAndHearsNoMore() {
        Calls calls = new Calls();
        calls.throwOnData = "a";
        stream(Fixed.answering(200, TWO_EVENTS), null, calls);
        assertEquals(List.of("open 200", "event a", "error"), calls.calls);
        UncheckedIOException error = assertInstanceOf(UncheckedIOException.class, calls.errors.getFirst());
        assertTrue(error.getCause().getMessage().startsWith(
                "an event the client could not read (IllegalStateException); the response began: \"data: a"),
                error.getCause().getMessage());
    }

    @Test
    void aListenerThatThrowsOnOpenDoesNotStopTheStream() {
        Calls calls = new Calls();
        calls.throwOnOpen = true;
        assertEquals(List.of("open 200", "event a", "event b", "close"),
                stream(Fixed.answering(200, TWO_EVENTS), null, calls).calls);
    }

    @Test
    void theProtocolsRuleEndsTheStreamAtTheFirstWrongEventBeforeTheListenerSeesIt() {
        StreamCompletion errorOnB = new StreamCompletion() {
            @Override
            public String onEvent(ServerSentEvent event) {
                return event.data().equals("b") ? "an error event" : null;
            }

            @Override
            public String atEnd() {
                return null;
            }
        };
        Calls calls = stream(Fixed.answering(200, TWO_EVENTS + "data: c\n\n"), () -> errorOnB, new Calls());
        assertEquals(List.of("open 200", "event a", "error"), calls.calls);
        assertTrue(calls.errors.getFirst().getCause().getMessage().startsWith("an error event; the response began"));
    }

    @Test
    void aStreamTheRuleFindsIncompleteAtItsEndFailsInsteadOfClosing() {
        StreamCompletion noTerminal = new StreamCompletion() {
            @Override
            public String onEvent(ServerSentEvent event) {
                return null;
            }

            @Override
            public String atEnd() {
                return "no terminal event";
            }
        };
        Calls calls = stream(Fixed.answering(200, TWO_EVENTS), () -> noTerminal, new Calls());
        assertEquals(List.of("open 200", "event a", "event b", "error"), calls.calls);
        assertTrue(calls.errors.getFirst().getCause().getMessage().startsWith("no terminal event; the response began"));
    }

    @Test
    void anErrorBodyIsReadOnlyToItsBoundAndAnUnreadableOneStillShowsTheStatus() {
        String huge = "e".repeat(100 << 10);
        HttpStatusException bounded = HttpStatusException.findIn(
                stream(Fixed.answering(500, huge)).errors.getFirst()).orElseThrow();
        assertTrue(bounded.body().endsWith("… (" + StreamLimits.MAX_ERROR_BODY_BYTES + " chars)"), bounded.body());

        Fixed unreadable = new Fixed(502, () -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }
        }, null);
        HttpStatusException status = HttpStatusException.findIn(stream(unreadable).errors.getFirst()).orElseThrow();
        assertEquals(502, status.statusCode());
        assertEquals("(error body unreadable: IOException)", status.body());
    }

    @Test
    void aBlockingAnswerIsBoundedByTheBodyLimit() {
        byte[] atLimit = new byte[StreamLimits.MAX_BODY_BYTES];
        java.util.Arrays.fill(atLimit, (byte) ' ');
        Fixed fits = new Fixed(200, () -> new ByteArrayInputStream(atLimit), null);
        try (LeanHttpClient client = LeanHttpClient.builder().transport((c, r) -> fits).build()) {
            assertEquals(StreamLimits.MAX_BODY_BYTES, client.execute(REQUEST).body().length());
        }
        byte[] over = java.util.Arrays.copyOf(atLimit, StreamLimits.MAX_BODY_BYTES + 1);
        Fixed tooLong = new Fixed(200, () -> new ByteArrayInputStream(over), null);
        try (LeanHttpClient client = LeanHttpClient.builder().transport((c, r) -> tooLong).build()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> client.execute(REQUEST));
            assertInstanceOf(MalformedStreamException.class, e.getCause());
            assertTrue(e.getCause().getMessage().startsWith("a response body longer than 8 MiB (the client's limit)"));
        }
    }

    @Test
    void aRefusedConnectionIsNoResponseAndAnInterruptedOneACancellation() {
        Calls refused = stream(new Fixed(200, null, new ConnectException("Connection refused")));
        assertEquals(List.of("error"), refused.calls);
        UncheckedIOException io = assertInstanceOf(UncheckedIOException.class, refused.errors.getFirst());
        assertInstanceOf(NoResponseException.class, io.getCause());
        assertEquals("no response: Connection refused", io.getCause().getMessage());

        Calls interrupted = stream(new Fixed(200, null, new InterruptedIOException("aborted")));
        assertInstanceOf(CancellationException.class, interrupted.errors.getFirst());
    }

    @Test
    void anInterruptedCallerSendsNothing() {
        Fixed transport = Fixed.answering(200, TWO_EVENTS);
        Thread.currentThread().interrupt();
        Calls calls = stream(transport);
        assertEquals(List.of("error"), calls.calls);
        assertInstanceOf(CancellationException.class, calls.errors.getFirst());
        assertEquals(0, transport.sent.get());
    }

    @Test
    void aParserThatCallsTheOneArgumentOnEventStillReachesTheListener() {
        Calls calls = new Calls();
        try (LeanHttpClient client = LeanHttpClient.builder()
                .transport((connect, read) -> Fixed.answering(200, "")).build()) {
            client.execute(REQUEST, (body, listener) -> listener.onEvent(new ServerSentEvent(null, "x")), calls);
        }
        assertEquals(List.of("open 200", "event x", "close"), calls.calls);
    }

    @Test
    void aReadThatBrokeOffWithoutAMessageIsNamedByItsType() {
        Fixed broken = new Fixed(200, () -> new java.io.SequenceInputStream(
                new ByteArrayInputStream("data: a\n\n".getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException();
                    }
                }), null);
        Calls calls = stream(broken);
        assertEquals(List.of("open 200", "event a", "error"), calls.calls);
        assertTrue(calls.errors.getFirst().getCause().getMessage().startsWith(
                "the response broke off (IOException); the response began"), calls.errors.getFirst().getCause().getMessage());
    }

    @Test
    void aMalformedStreamStopsReadingTheRestOfTheBody() {
        // An endless body that ends only when its exchange is closed: the client must close it at the first wrong event.
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        byte[] event = "data: e\n\n".getBytes(StandardCharsets.US_ASCII);
        InputStream endless = new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                if (closed.get()) {
                    throw new IOException("closed");
                }
                return event[at++ % event.length];
            }
        };
        HttpTransport transport = new HttpTransport() {
            @Override
            public Exchange send(Request request) {
                return new Exchange() {
                    public int status() {
                        return 200;
                    }

                    public Map<String, List<String>> headers() {
                        return Map.of();
                    }

                    public InputStream body() {
                        return endless;
                    }

                    public void close() {
                        closed.set(true);
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        StreamCompletion rejectAll = new StreamCompletion() {
            @Override
            public String onEvent(ServerSentEvent e) {
                return "not the protocol's data";
            }

            @Override
            public String atEnd() {
                return null;
            }
        };
        Calls calls = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> stream(transport, () -> rejectAll, new Calls()));
        assertEquals(List.of("open 200", "error"), calls.calls);
        assertTrue(closed.get());
    }

    @Test
    void theClientPassesItsTimeoutsToItsTransportAndClosesIt() {
        AtomicInteger closes = new AtomicInteger();
        List<java.time.Duration> seen = new CopyOnWriteArrayList<>();
        Fixed fixed = Fixed.answering(200, "");
        HttpTransport counting = new HttpTransport() {
            @Override
            public Exchange send(Request request) throws IOException {
                return fixed.send(request);
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        LeanHttpClient client = LeanHttpClient.builder()
                .connectTimeout(java.time.Duration.ofSeconds(3)).readTimeout(java.time.Duration.ofSeconds(7))
                .transport((connect, read) -> {
                    seen.add(connect);
                    seen.add(read);
                    return counting;
                }).build();
        client.close();
        assertEquals(List.of(java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(7)), seen);
        assertEquals(1, closes.get());
    }
}
