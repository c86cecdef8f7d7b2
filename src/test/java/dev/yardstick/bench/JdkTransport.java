package dev.yardstick.bench;

import dev.yardstick.provider.http.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shootout candidate: java.net.http with HTTP/1.1 forced, {@code send(..., ofInputStream())} blocking the calling
 * virtual thread. Its read timeout covers only the wait for the response head: java.net.http has no per-read timeout
 * for a body it streams.
 */
final class JdkTransport implements HttpTransport {

    /** Headers java.net.http sets itself and refuses from the caller. */
    private static final Set<String> RESTRICTED = caseInsensitive("connection", "content-length", "expect", "host",
            "upgrade");

    private final HttpClient client;
    private final Duration readTimeout;

    JdkTransport(Duration connectTimeout, Duration readTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        this.client = builder.build();
        this.readTimeout = readTimeout;
    }

    @Override
    public Exchange send(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new JdkExchange(response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    private record JdkExchange(HttpResponse<InputStream> response) implements Exchange {

        @Override
        public int status() {
            return response.statusCode();
        }

        @Override
        public Map<String, List<String>> headers() {
            return response.headers().map(); // already case-insensitive
        }

        @Override
        public InputStream body() {
            return response.body();
        }

        @Override
        public void close() {
            try {
                response.body().close(); // cancels the subscription, dropping an unfinished connection
            } catch (IOException ignored) {
                // closing is best effort: the exchange is over either way
            }
        }
    }
}
