package dev.yardstick.provider.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.CancellationUnsupportedHandle;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * langchain4j's {@link HttpClient} done with blocking I/O on the calling thread. Unlike langchain4j's JDK client, the
 * streaming {@code execute} is SYNCHRONOUS: it sends, parses the SSE stream and calls the listener on the caller's
 * (virtual) thread and returns when the stream has ended. A time stamp taken in the listener is therefore the moment
 * the bytes were read, not the moment some executor thread got round to them; and interrupting the caller aborts the
 * request, so timeouts and Ctrl-C work by interruption.
 *
 * <p>Plug it into any langchain4j model with {@code .httpClientBuilder(LeanHttpClient.builder())}.
 */
public final class LeanHttpClient implements HttpClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeanHttpClient.class);

    private final HttpTransport transport;
    private final Supplier<StreamCompletion> completion;
    private final Clock clock;

    LeanHttpClient(LeanHttpClientBuilder builder) {
        this.transport = builder.transport().create(builder.connectTimeout(), builder.readTimeout());
        this.completion = builder.completion();
        this.clock = Clock.systemUTC();
    }

    public static LeanHttpClientBuilder builder() {
        return new LeanHttpClientBuilder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            try (HttpTransport.Exchange exchange = open(request)) {
                if (!isSuccess(exchange.status())) {
                    throw statusException(exchange);
                }
                byte[] body = exchange.body().readNBytes(StreamLimits.MAX_BODY_BYTES + 1);
                if (body.length > StreamLimits.MAX_BODY_BYTES) {
                    throw new MalformedStreamException("a response body longer than "
                            + StreamLimits.describe(StreamLimits.MAX_BODY_BYTES) + " (the client's limit)",
                            new String(body, 0, 1024, StandardCharsets.UTF_8));
                }
                return SuccessfulHttpResponse.builder()
                        .statusCode(exchange.status())
                        .headers(exchange.headers())
                        .body(body)
                        .build();
            }
        } catch (IOException | RuntimeException e) {
            throw Failures.map(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpTransport.Exchange exchange;
        try {
            exchange = open(request);
        } catch (IOException | RuntimeException e) {
            tell(() -> listener.onError(Failures.map(e)));
            return;
        }
        // langchain4j's own SSE parser: its events end with a blank line (Ollama's NDJSON parser has none).
        ExchangeBody body = new ExchangeBody(exchange, parser instanceof DefaultServerSentEventParser);
        StreamListener guarded = new StreamListener(listener, body, completion.get());
        try {
            if (!isSuccess(exchange.status())) {
                guarded.onError(statusException(exchange));
                return;
            }
            SuccessfulHttpResponse head = SuccessfulHttpResponse.builder()
                    .statusCode(exchange.status())
                    .headers(exchange.headers())
                    .build();
            tell(() -> listener.onOpen(head));
            parser.parse(body, guarded);
            guarded.judgeEnd();
        } catch (RuntimeException e) {
            // A parser that throws instead of reporting. Caught BEFORE the body is closed: closing first would make
            // the failure look like a cancellation, and swallow it.
            guarded.onError(e);
        } finally {
            body.close();
        }
        if (!guarded.failed) {
            tell(listener::onClose);
        }
    }

    /**
     * Threads on which a caller of {@link #stream} to {@code uri} waits at no hand-off cost: virtual threads carried by
     * the event loop that carries such streams ({@link LoopCarriers}), or null when these streams are read on the
     * caller's own thread (sockets, https, no loop) or the JDK cannot carry a virtual thread on the loop.
     */
    public ThreadFactory callerThreads(URI uri) {
        return transport instanceof SchemeTransport scheme && scheme.loops(uri) ? LoopCarriers.factory() : null;
    }

    /**
     * Streams one request whose body a protocol's own {@link BodyDecoder} reads from the bytes, synchronously on the
     * calling thread like {@link #execute(HttpRequest, ServerSentEventParser, ServerSentEventListener)} and with the
     * same limits, failures and cancellation, but without langchain4j's request object, SSE parser or listener in
     * between: the path of a protocol whose every chunk counts (see {@code provider.openai}). A decoder that takes its
     * body pushed ({@link BodyDecoder#push()}) can be fed on the event loop for {@code http://} ({@link LoopTransport},
     * chosen by {@link SchemeTransport}), and this thread then only waits for the end ({@link PushedStream}).
     */
    public void stream(HttpTransport.Request request, BodyDecoder decoder) {
        LoopTransport loop = decoder.boundsLines() && transport instanceof SchemeTransport scheme
                ? scheme.loop(request) : null;
        BodyDecoder.Push push = loop == null ? null : decoder.push();
        if (push != null) {
            PushedStream.run(this, loop, request, decoder, push);
            return;
        }
        HttpTransport.Exchange exchange;
        try {
            exchange = open(request);
        } catch (IOException | RuntimeException e) {
            decoder.failed(Failures.map(e));
            return;
        }
        ExchangeBody body = new ExchangeBody(exchange, true, !decoder.boundsLines());
        RuntimeException failure;
        try {
            failure = isSuccess(exchange.status()) ? decode(decoder, body) : statusException(exchange);
        } finally {
            body.close();
        }
        if (failure != null) {
            decoder.failed(failure);
        } else if (!body.cancelled()) {
            decoder.completed();
        }
    }

    /** @return the failure, or null for a complete answer or a stream the caller cancelled */
    private static RuntimeException decode(BodyDecoder decoder, ExchangeBody body) {
        try {
            decoder.opened(body::close);
            String wrong = decoder.read(body);
            if (wrong == null || body.cancelled()) {
                return null;
            }
            return Failures.map(new MalformedStreamException(wrong, body.head()));
        } catch (IOException | RuntimeException e) {
            return body.cancelled() ? null : Failures.map(brokeOff(e, body.head()));
        }
    }

    /**
     * A body read that failed (a reset, a truncated chunked body) names what had arrived, like any other malformed
     * stream; a timeout or an interrupt keeps its own type.
     */
    static Throwable brokeOff(Throwable failure, String head) {
        if (failure instanceof IOException io && !(failure instanceof InterruptedIOException)
                && !(failure instanceof MalformedStreamException)) {
            return new MalformedStreamException("the response broke off (" + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ")", head, io);
        }
        return failure;
    }

    /** Closes the pooled connections. langchain4j never calls this; a benchmark that builds many clients should. */
    @Override
    public void close() {
        transport.close();
    }

    private HttpTransport.Exchange open(HttpRequest request) throws IOException {
        return open(RequestEncoder.encode(request));
    }

    private HttpTransport.Exchange open(HttpTransport.Request request) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted before sending");
        }
        try {
            return transport.send(request);
        } catch (IOException e) {
            throw noResponse(e);
        }
    }

    /**
     * A failure before any of the response arrived: refused, reset or closed before the status line is a
     * {@link NoResponseException}; a timeout or an interrupt keeps its own meaning, and so does what is not I/O.
     */
    static IOException noResponse(IOException failure) {
        if (failure instanceof InterruptedIOException || failure instanceof NoResponseException) {
            return failure;
        }
        return new NoResponseException(failure);
    }

    private HttpStatusException statusException(HttpTransport.Exchange exchange) {
        String body;
        try {
            body = new String(exchange.body().readNBytes(StreamLimits.MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // The status is the news; a body that broke off must not hide it.
            body = "(error body unreadable: " + e.getClass().getSimpleName() + ")";
        }
        return statusException(exchange.status(), exchange.headers(), body);
    }

    HttpStatusException statusException(int status, Map<String, List<String>> headers, String body) {
        return HttpStatusException.of(status, headers, body, clock.instant());
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** Like langchain4j's clients: a listener that throws must not stop the client from finishing the exchange. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("An SSE listener threw; ignored so the exchange can finish", e);
        }
    }

    /**
     * Passes events through and turns errors into the client's vocabulary. It delivers at most one error and none
     * for a stream the caller cancelled (closing the body makes the blocked read fail; that is not a failure).
     * After an error the client does not call {@code onClose}: langchain4j's JDK client does, which makes OpenAI's
     * streaming model report a completed response after a broken stream.
     *
     * <p>Every event goes past the protocol's {@link StreamCompletion} first: an error event or data that is not the
     * protocol's ends the request at once, and a stream that ends without being complete fails instead of closing.
     * A listener that throws on an event (langchain4j's parsers would log and skip it) fails the stream too.
     */
    private static final class StreamListener implements ServerSentEventListener {

        private final ServerSentEventListener delegate;
        private final ExchangeBody body;
        private final StreamCompletion completion;
        private boolean failed;

        StreamListener(ServerSentEventListener delegate, ExchangeBody body, StreamCompletion completion) {
            this.delegate = delegate;
            this.body = body;
            this.completion = completion;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (failed) {
                return;
            }
            String wrong = completion.onEvent(event);
            if (wrong != null) {
                failMalformed(wrong, null);
                return;
            }
            try {
                delegate.onEvent(event, context);
            } catch (RuntimeException e) {
                failMalformed("an event the client could not read (" + e.getClass().getSimpleName() + ")", e);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            onEvent(event, new ServerSentEventContext(new CancellationUnsupportedHandle()));
        }

        @Override
        public void onError(Throwable throwable) {
            if (failed || body.cancelled()) {
                return;
            }
            failed = true;
            RuntimeException mapped = Failures.map(brokeOff(throwable, body.head()));
            tell(() -> delegate.onError(mapped));
        }

        /** After the parser returned: a body that ended without a complete answer is a failure, not a close. */
        void judgeEnd() {
            if (failed || body.cancelled()) {
                return;
            }
            String missing = completion.atEnd();
            if (missing != null) {
                failMalformed(missing, null);
            }
        }

        private void failMalformed(String reason, Throwable cause) {
            onError(new MalformedStreamException(reason, body.head(), cause));
            body.close(); // stop reading: the parser's next read fails, and that failure is not reported again
        }
    }
}
