package dev.yardstick.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * The circuit breaker each model gets. resilience4j's defaults (judge after 100 calls, stay open 60 s) suit
 * thousands of small RPCs, not a conversation of a few slow LLM turns; these are small and explicit, and the
 * report prints them.
 *
 * @param window        the last calls judged (count-based sliding window)
 * @param minCalls      calls needed before the breaker judges at all
 * @param failureRate   the failure share, in percent, at or above which it opens
 * @param openFor       how long it stays open before letting trial calls through (half-open)
 * @param halfOpenCalls trial calls in half-open: all must succeed for it to close again
 */
public record BreakerPolicy(int window, int minCalls, double failureRate, Duration openFor, int halfOpenCalls) {

    public static final BreakerPolicy DEFAULTS = new BreakerPolicy(4, 2, 50, Duration.ofSeconds(5), 1);

    public BreakerPolicy {
        if (window < 1 || minCalls < 1 || halfOpenCalls < 1) {
            throw new InputException("circuit-breaker window, min-calls and half-open-calls must be at least 1");
        }
        if (failureRate <= 0 || failureRate > 100) {
            throw new InputException("circuit-breaker failure-rate must be above 0 and at most 100 (percent), got "
                    + failureRate);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new InputException("circuit-breaker open-for must be positive");
        }
    }

    /** The resilience4j configuration; open → half-open happens on the first call after {@code openFor}. */
    public CircuitBreakerConfig config(Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(window, Math.min(minCalls, window), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold((float) failureRate)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
    }
}
