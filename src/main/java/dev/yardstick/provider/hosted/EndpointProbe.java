package dev.yardstick.provider.hosted;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A free request to the real endpoint through a model's own HTTP client: a GET of the API's model list, which every
 * supported API answers without spending tokens. It runs what a loopback stub cannot: the TLS handshake of an
 * https endpoint (TLS classes, the handshake's code) and the opening of a pooled connection to the endpoint. Any
 * answer does that, so its status is not looked at; it is not a request to the model and warms no model.
 */
final class EndpointProbe implements Runnable {

    private static final String ANTHROPIC_VERSION = "2023-06-01";

    private final HttpClient client;
    private final HttpRequest request;

    EndpointProbe(HttpClient client, String url, String protocol, String apiKey, Map<String, String> headers) {
        this.client = client;
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(authHeaders(protocol, apiKey));
        this.request = HttpRequest.builder().method(HttpMethod.GET).url(url).addHeaders(all).build();
    }

    @Override
    public void run() {
        try {
            client.execute(request);
        } catch (RuntimeException e) {
            // a refusal or an error status still ran the client path; the measured requests will say the rest
        }
    }

    /** How each API takes its key, as langchain4j's clients send it; none when there is no key. */
    private static Map<String, String> authHeaders(String protocol, String apiKey) {
        if (apiKey == null) {
            return Map.of();
        }
        return switch (protocol) {
            case "anthropic" -> Map.of("x-api-key", apiKey, "anthropic-version", ANTHROPIC_VERSION);
            case "gemini" -> Map.of("x-goog-api-key", apiKey);
            case "ollama" -> Map.of();
            default -> Map.of("Authorization", "Bearer " + apiKey);
        };
    }
}
