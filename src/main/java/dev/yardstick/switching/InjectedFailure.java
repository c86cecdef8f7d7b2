package dev.yardstick.switching;

import dev.langchain4j.exception.HttpException;
import dev.yardstick.provider.HttpFailure;
import java.time.Duration;
import java.util.Optional;

/** The HTTP failure a fault injects: shaped like a provider's, so error classes, retries and breakers see one. */
final class InjectedFailure extends HttpException implements HttpFailure {

    private final Duration retryAfter;

    InjectedFailure(int status, Duration retryAfter, String fault) {
        super(status, "injected fault " + fault + ": HTTP " + status);
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
