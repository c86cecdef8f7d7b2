package dev.yardstick.provider;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP failure made up in-process (a mock model's scripted error, an injected fault), shaped like a provider's
 * so error classes, retries and circuit breakers treat it like the real thing.
 */
public class SyntheticHttpFailure extends HttpException implements HttpFailure {

    private final Duration retryAfter;

    public SyntheticHttpFailure(int status, Duration retryAfter, String message) {
        super(status, message);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public Optional<String> requestId() {
        return Optional.empty();
    }
}
