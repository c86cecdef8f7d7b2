package dev.yardstick.provider.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.api.WebClientConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helidon 4's WebClient over HTTP/1.1: a blocking socket read on the caller's thread, with its own keep-alive pool.
 * Chosen by bench/http-clients.sh over java.net.http and HttpURLConnection (see the shootout for figures).
 */
final class HelidonTransport implements HttpTransport {

    private final WebClient client;

    HelidonTransport(Duration connectTimeout, Duration readTimeout) {
        WebClientConfig.Builder builder = WebClient.builder()
                // Same behaviour as langchain4j's JDK client: the caller sees a redirect, it is not followed.
                .followRedirects(false)
                // A 100-continue round trip would be added to every measured TTFT.
                .sendExpectContinue(false)
                // Each client owns its pool: closing it must not reach into another model's connections.
                .shareConnectionCache(false);
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            builder.readTimeout(readTimeout);
        }
        this.client = builder.build();
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
        }
    }

    @Override
    public void close() {
        client.closeResource();
    }

    private static final class HelidonExchange implements Exchange {

        private final HttpClientResponse response;
        private final Map<String, List<String>> headers;

        HelidonExchange(HttpClientResponse response) {
            this.response = response;
            this.headers = toMap(response.headers());
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
            return response.inputStream();
        }

        @Override
        public void close() {
            // Helidon drops (does not drain) a connection whose entity was not read to its end.
            response.close();
        }

        private static Map<String, List<String>> toMap(Headers headers) {
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach(header -> map.put(header.name(), header.allValues()));
            return map;
        }
    }
}
