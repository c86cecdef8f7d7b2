package dev.yardstick.provider.http;

import dev.yardstick.provider.ReadTime;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.webclient.api.ConnectedSocketChannelInfo;
import io.helidon.webclient.api.ConnectedSocketInfo;
import io.helidon.webclient.api.ConnectionListener;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helidon 4's WebClient over HTTP/1.1: a blocking socket read on the caller's thread, with its own keep-alive pool.
 * Chosen by measurement over java.net.http and HttpURLConnection: figures and reasons in bench/README.md.
 */
final class HelidonTransport implements HttpTransport {

    /**
     * "No read limit" as Helidon can take it. Not zero (the socket's "infinite"): Helidon watches an idle pooled
     * connection with 101 ms reads and, under an infinite timeout, gives up after the first one, failing the next
     * request on that connection if its answer takes longer than that to start.
     */
    private static final Duration NO_READ_LIMIT = Duration.ofDays(1);

    private final WebClient client;

    HelidonTransport(Duration connectTimeout, Duration readTimeout) {
        this.client = WebClient.builder()
                // Same behaviour as langchain4j's JDK client: the caller sees a redirect, it is not followed.
                .followRedirects(false)
                // A 100-continue round trip would be added to every measured TTFT.
                .sendExpectContinue(false)
                // Each client owns its pool: closing it must not reach into another model's connections.
                .shareConnectionCache(false)
                // Like the JDK client again: direct connections; Helidon's default asks the JVM's proxy selector and
                // adds a Proxy-Connection header to every request.
                .proxy(Proxy.noProxy())
                .socketOptions(SocketOptions.builder()
                        // Helidon's default is off: a request written in two segments would then wait for the
                        // server's delayed ACK, adding tens of milliseconds to what we measure.
                        .tcpNoDelay(true)
                        // Helidon's own defaults (10 s, 30 s) would be a surprise when the caller asked for no limit.
                        .connectTimeout(connectTimeout == null ? Duration.ZERO : connectTimeout)
                        .readTimeout(readTimeout == null ? NO_READ_LIMIT : readTimeout)
                        .build())
                // Helidon sets the read timeout only after the TLS handshake: a server that accepts the connection
                // and then says nothing would hold the handshake forever. Bound it by the read timeout too.
                .connectionListener(new HandshakeTimeout(readTimeout == null ? NO_READ_LIMIT : readTimeout))
                .build();
    }

    @Override
    public Exchange send(Request request) throws IOException {
        HttpClientRequest http = client.method(Method.create(request.method())).uri(request.uri());
        request.headers().forEach((name, values) -> http.header(HeaderNames.create(name), values));
        try {
            HttpClientResponse response = request.body() == null ? http.request() : http.submit(request.body());
            return new HelidonExchange(response);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (DataReader.InsufficientDataAvailableException e) {
            throw truncated(e);
        }
    }

    /** Helidon reports a connection closed in the middle of a response as a RuntimeException. */
    private static EOFException truncated(RuntimeException e) {
        EOFException eof = new EOFException("connection closed before the response ended");
        eof.initCause(e);
        return eof;
    }

    @Override
    public void close() {
        client.closeResource();
    }

    /** Gives a freshly connected socket its read timeout before anything is read from it. */
    private record HandshakeTimeout(Duration readTimeout) implements ConnectionListener {

        @Override
        public void socketConnected(ConnectedSocketInfo socketInfo) throws IOException {
            socketInfo.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
        }

        @Override
        public void socketChannelConnected(ConnectedSocketChannelInfo socketInfo) {
            // channels (unix domain sockets) carry no TLS here
        }
    }

    private static final class HelidonExchange implements Exchange {

        private final HttpClientResponse response;
        private final Map<String, List<String>> headers;
        private final InputStream body;

        HelidonExchange(HttpClientResponse response) {
            this.response = response;
            this.headers = toMap(response.headers());
            this.body = new TruncationAwareStream(response.inputStream(), closeDelimited(headers));
        }

        @Override
        public int status() {
            return response.status().code();
        }

        @Override
        public Map<String, List<String>> headers() {
            return headers;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            // Helidon drops (does not drain) a connection whose entity was not read to its end.
            response.close();
        }

        /** A body with neither a length nor chunked framing ends when the server closes the connection. */
        private static boolean closeDelimited(Map<String, List<String>> headers) {
            return !headers.containsKey("Content-Length") && !headers.containsKey("Transfer-Encoding");
        }

        private static Map<String, List<String>> toMap(Headers headers) {
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach(header -> map.put(header.name(), header.allValues()));
            return map;
        }
    }

    /**
     * Helidon's entity stream signals a chunked body cut short with a RuntimeException; a parser expects an
     * IOException, and a benchmark must count it as a broken stream, not as the end of a good one. Helidon signals
     * the end of a close-delimited body (no length, no chunks: RFC 9112 §6.3) the same way, and there it is the
     * body's normal end: whether that body was complete is for the protocol's completion rule to judge.
     */
    private static final class TruncationAwareStream extends FilterInputStream {

        private final boolean closeDelimited;

        TruncationAwareStream(InputStream in, boolean closeDelimited) {
            super(in);
            this.closeDelimited = closeDelimited;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = in.read();
                ReadTime.stamp(); // Helidon buffers: the time the decoder took the bytes, never before they came
                return b;
            } catch (DataReader.InsufficientDataAvailableException e) {
                return ended(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = in.read(buffer, offset, length);
                ReadTime.stamp();
                return n;
            } catch (DataReader.InsufficientDataAvailableException e) {
                return ended(e);
            }
        }

        private int ended(RuntimeException e) throws EOFException {
            if (closeDelimited) {
                return -1;
            }
            throw truncated(e);
        }
    }
}
