package dev.yardstick.testing;

import java.time.Duration;

/**
 * A loopback server with a known capacity: one FIFO queue served at {@code capacity} requests per second, so each
 * request's first token waits for the requests before it and then takes one service time (1 / capacity). Below the
 * capacity the queue stays empty and TTFT is the service time; above it the queue, and TTFT with it, grows with
 * every request. That is the knee a capacity search must find.
 */
public final class KneeServer implements AutoCloseable {

    private final LoopbackLlmServer server;
    private final long serviceNanos;
    private long freeAt;

    public KneeServer(double capacity, Behavior base) {
        this.serviceNanos = Math.round(1e9 / capacity);
        this.server = LoopbackLlmServer.builder().recording(false).start();
        server.script(index -> next(base));
    }

    /** The request's place in the queue: it starts when the one before it is done, then takes a service time. */
    private synchronized Behavior next(Behavior base) {
        long now = System.nanoTime();
        freeAt = Math.max(now, freeAt) + serviceNanos;
        return base.withTtft(Duration.ofNanos(freeAt - now));
    }

    public String baseUrl(Protocol protocol) {
        return server.baseUrl(protocol);
    }

    @Override
    public void close() {
        server.close();
    }
}
