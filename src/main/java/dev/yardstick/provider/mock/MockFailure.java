package dev.yardstick.provider.mock;

import dev.langchain4j.exception.HttpException;
import dev.yardstick.provider.HttpFailure;
import java.time.Duration;
import java.util.Optional;

/** The error a mock model raises: shaped like a provider's HTTP failure, so retries and error classes see one. */
public final class MockFailure extends HttpException implements HttpFailure {

    private final Duration retryAfter;

    public MockFailure(int status, Duration retryAfter) {
        super(status, "mock failure: HTTP " + status);
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
