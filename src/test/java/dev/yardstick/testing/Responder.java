package dev.yardstick.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes one answer on its schedule. Content chunk {@code j} is due at {@code start + ttft + j * itl}; the waits aim at
 * absolute deadlines, so the time spent writing never accumulates into drift. Each frame is flushed as written (with
 * the server's TCP_NODELAY, it leaves at once).
 */
final class Responder {

    private final HttpExchange exchange;
    private final Behavior behavior;
    private final long startNanos;
    private final Lateness.Meter lateness;
    private OutputStream body;

    /** Thrown to make the HTTP server drop the connection without finishing the response. */
    static final class ConnectionDrop extends RuntimeException {
        ConnectionDrop() {
            super("loopback server dropped the connection on purpose", null, false, false);
        }
    }

    Responder(HttpExchange exchange, Behavior behavior, long startNanos, Lateness.Meter lateness) {
        this.exchange = exchange;
        this.behavior = behavior;
        this.startNanos = startNanos;
        this.lateness = lateness;
    }

    /** A responder for answers sent at once (errors, probes): no schedule, nothing to measure. */
    static Responder immediate(HttpExchange exchange) {
        return new Responder(exchange, Behavior.DEFAULT, 0, new Lateness.Meter());
    }

    /** Sends status and headers; a streamed body (length 0) goes out chunked. */
    void begin(int status, String contentType, Map<String, String> headers, long length) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, length == 0 ? 0 : length);
        body = exchange.getResponseBody();
    }

    void write(String frame) throws IOException {
        if (frame.isEmpty()) {
            return; // protocols without a head (Ollama, Gemini); an empty flush must never look like the end
        }
        body.write(frame.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    /** Sends a whole body at once. */
    void send(int status, String contentType, Map<String, String> headers, String text) throws IOException {
        byte[] bytes = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /**
     * Waits until content chunk {@code index} is due, after sending a keep-alive frame if asked for one; drops the
     * connection instead when the behaviour breaks the stream before this chunk.
     */
    void awaitChunk(int index, String keepAliveFrame) throws IOException, InterruptedException {
        if (behavior.keepAlive() && keepAliveFrame != null) {
            write(keepAliveFrame);
        }
        awaitDue(chunkDue(index));
        if (index == behavior.breakAfterChunks()) {
            throw new ConnectionDrop();
        }
    }

    /** Waits until the closing events are due; drops the connection instead when the stream breaks before them. */
    void awaitTail(int chunkCount) throws InterruptedException {
        if (behavior.breakAfterChunks() != Behavior.NEVER && behavior.breakAfterChunks() >= chunkCount) {
            throw new ConnectionDrop();
        }
        awaitDue(tailDue(chunkCount));
    }

    /** Waits until a whole (non-streamed) answer of this many chunks is due. */
    void awaitWhole(int chunkCount) throws InterruptedException {
        awaitDue(tailDue(chunkCount));
    }

    private void awaitDue(long dueNanos) throws InterruptedException {
        sleepUntil(dueNanos);
        lateness.record(System.nanoTime() - dueNanos);
    }

    /** When the closing events (or a whole non-streamed answer) are due. */
    private long tailDue(int chunkCount) {
        return chunkDue(Math.max(0, chunkCount - 1)) + behavior.trailerDelay().toNanos();
    }

    private long chunkDue(int index) {
        return startNanos + behavior.ttft().toNanos() + index * behavior.itl().toNanos();
    }

    void finish() throws IOException {
        body.close();
        exchange.close();
    }

    /** Sleeps on the (virtual) thread until the deadline; an interrupt (server closing) ends the wait. */
    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
    }
}
