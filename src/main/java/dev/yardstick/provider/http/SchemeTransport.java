package dev.yardstick.provider.http;

import java.io.IOException;
import java.time.Duration;

/**
 * The client's default engine: {@code http://} over {@link SocketTransport}, {@code https://} over Helidon's
 * WebClient ({@link HelidonTransport}), which is built on the first https request, so a run against plain-text
 * endpoints never loads it.
 */
final class SchemeTransport implements HttpTransport {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SocketTransport plain;
    private HelidonTransport tls;
    private boolean closed;

    SchemeTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.plain = new SocketTransport(connectTimeout, readTimeout);
    }

    @Override
    public Exchange send(Request request) throws IOException {
        return "http".equalsIgnoreCase(request.uri().getScheme()) ? plain.send(request) : tls().send(request);
    }

    private synchronized HelidonTransport tls() throws IOException {
        if (closed) {
            throw new IOException("the HTTP client is closed");
        }
        if (tls == null) {
            tls = new HelidonTransport(connectTimeout, readTimeout);
        }
        return tls;
    }

    @Override
    public synchronized void close() {
        closed = true;
        plain.close();
        if (tls != null) {
            tls.close();
        }
    }
}
