package dev.yardstick.bench;

import dev.yardstick.provider.http.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shootout candidate: the JDK's HttpURLConnection, blocking socket I/O on the calling thread and no dependency at
 * all. Its keep-alive cache holds {@code http.maxConnections} (default 5) idle connections per host: a JVM-wide
 * system property, which a library has no business setting, so it is measured with the default.
 */
final class UrlConnectionTransport implements HttpTransport {

    private final int connectMillis;
    private final int readMillis;

    UrlConnectionTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectMillis = connectTimeout == null ? 0 : (int) Math.max(1, connectTimeout.toMillis());
        this.readMillis = readTimeout == null ? 0 : (int) Math.max(1, readTimeout.toMillis());
    }

    @Override
    public Exchange send(Request request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(connectMillis);
        connection.setReadTimeout(readMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(request.method());
        request.headers().forEach((name, values) -> values.forEach(v -> connection.addRequestProperty(name, v)));
        if (request.body() != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(request.body().length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request.body());
            }
        }
        int status = connection.getResponseCode();
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        return new UrlExchange(connection, status, body == null ? InputStream.nullInputStream() : body);
    }

    @Override
    public void close() {
        // connections live in the JDK's global keep-alive cache
    }

    private static Map<String, List<String>> headerMap(HttpURLConnection connection) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // the status line is filed under null
                headers.put(name, values);
            }
        });
        return headers;
    }

    private static final class UrlExchange extends StreamingExchange {

        private final HttpURLConnection connection;
        private final InputStream in;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean ended;

        UrlExchange(HttpURLConnection connection, int status, InputStream in) {
            super(status, headerMap(connection));
            this.connection = connection;
            this.in = in;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (ended) {
                try {
                    in.close(); // at the end: the connection goes back to the keep-alive cache
                } catch (IOException ignored) {
                    // nothing left to release
                }
            } else {
                connection.disconnect(); // closes the socket; a blocked read elsewhere fails at once
            }
        }
    }
}
