package dev.yardstick.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback Prometheus endpoint: {@code GET /metrics} answers the exposition {@code byScrape} gives for the
 * scrape's 0-based number, so a test can make counters and histograms move between scrapes; null answers 500.
 */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer http;
    private final AtomicInteger scrapes = new AtomicInteger();

    public MetricsServer(IntFunction<String> byScrape) {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/metrics", exchange -> {
            String text = byScrape.apply(scrapes.getAndIncrement());
            byte[] body = (text == null ? "failing on cue" : text).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(text == null ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/metrics";
    }

    public int scrapes() {
        return scrapes.get();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
