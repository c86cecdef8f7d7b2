package dev.yardstick.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Everything the orchestrator needs to run: the requests, how they are offered, the per-provider limits on
 * requests in flight (provider name → limit), the per-request timeout, and an optional cap on the run's length
 * (null = until the requests are done).
 */
public record Plan(RequestSource requests, LoadShape load, Map<String, Integer> perProviderLimits, Duration timeout,
                   Duration maxDuration) {

    public Plan {
        perProviderLimits = perProviderLimits == null ? Map.of() : Map.copyOf(perProviderLimits);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
