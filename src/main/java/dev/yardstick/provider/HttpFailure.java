package dev.yardstick.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP failure that kept what langchain4j's own exceptions drop: the Retry-After the server asked for and the
 * request id to join with its logs. Implemented by the HTTP client's exceptions; read by the engine and retries.
 */
public interface HttpFailure {

    int statusCode();

    Optional<Duration> retryAfter();

    Optional<String> requestId();
}
