package dev.yardstick.provider.mock;

import dev.yardstick.provider.SyntheticHttpFailure;
import java.time.Duration;

/** The error a mock model raises: shaped like a provider's HTTP failure, so retries and error classes see one. */
public final class MockFailure extends SyntheticHttpFailure {

    public MockFailure(int status, Duration retryAfter) {
        super(status, retryAfter, "mock failure: HTTP " + status);
    }
}
