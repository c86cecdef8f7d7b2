package dev.yardstick.provider.http;

import dev.langchain4j.exception.HttpException;
import dev.yardstick.config.Secrets;
import dev.yardstick.provider.HttpFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A non-2xx answer. It extends langchain4j's {@link HttpException} and never has a cause of its own, because
 * langchain4j's {@code ExceptionMapper} classifies by the ROOT cause: that keeps this exception both the thing it maps
 * (429 becomes {@code RateLimitException}, 5xx {@code InternalServerException}) and the cause it wraps, so callers
 * find the status, Retry-After and request id by walking the cause chain.
 */
public final class HttpStatusException extends HttpException implements HttpFailure {

    /** Enough of an error body to say what went wrong; provider error bodies are short, HTML error pages are not. */
    static final int MAX_BODY_CHARS = 2_000;

    private final String body;
    private final Map<String, List<String>> headers;
    private final Duration retryAfter;

    private HttpStatusException(int status, String body, Map<String, List<String>> headers, Duration retryAfter) {
        super(status, "HTTP " + status + (body.isEmpty() ? "" : ": " + body));
        this.body = body;
        this.headers = headers;
        this.retryAfter = retryAfter;
    }

    /**
     * Builds the exception from what the server sent. The body is scrubbed of every known secret BEFORE it is cut,
     * so a key straddling the cut cannot leave half of itself behind.
     */
    public static HttpStatusException of(int status, Map<String, List<String>> headers, String body, Instant receivedAt) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        String redacted = Secrets.redact(body == null ? "" : body.strip());
        String shown = redacted.length() <= MAX_BODY_CHARS
                ? redacted
                : redacted.substring(0, MAX_BODY_CHARS) + "… (" + redacted.length() + " chars)";
        Duration retryAfter = RetryAfter.parse(first(copy, "Retry-After"), receivedAt).orElse(null);
        return new HttpStatusException(status, shown, Collections.unmodifiableMap(copy), retryAfter);
    }

    /** The response body, secrets redacted, cut to {@value #MAX_BODY_CHARS} characters. */
    public String body() {
        return body;
    }

    /** The response headers; names are looked up case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** How long the server asked us to wait, from {@code Retry-After} (delta-seconds or HTTP-date). */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The provider's request id ({@code x-request-id}, else {@code request-id}), to join with its logs. */
    @Override
    public Optional<String> requestId() {
        String id = first(headers, "x-request-id");
        return Optional.ofNullable(id != null ? id : first(headers, "request-id"));
    }

    /**
     * The first {@code HttpStatusException} in the cause chain of {@code failure} (itself included); this is how a
     * caller reads the status behind langchain4j's mapped exceptions.
     */
    public static Optional<HttpStatusException> findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpStatusException status) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
