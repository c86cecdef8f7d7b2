package dev.yardstick.switching;

import dev.yardstick.config.BreakerPolicy;
import dev.yardstick.engine.chain.RetryPolicy;
import dev.yardstick.report.Formats;
import java.util.LinkedHashMap;
import java.util.Map;

/** The retry and circuit-breaker settings as the switch-test report shows them. */
final class PolicySettings {

    private PolicySettings() {
    }

    static Map<String, Object> describe(RetryPolicy retry) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("max-attempts", retry.maxAttempts());
        d.put("backoff", Formats.ms(retry.backoff().toMillis()));
        d.put("multiplier", retry.multiplier());
        d.put("jitter", "±" + Math.round(retry.jitter() * 100) + "%");
        d.put("max-backoff", Formats.ms(retry.maxBackoff().toMillis()));
        d.put("max-retry-after", Formats.ms(retry.maxRetryAfter().toMillis()));
        return d;
    }

    static Map<String, Object> describe(BreakerPolicy breaker) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("window", breaker.window());
        d.put("min-calls", breaker.minCalls());
        d.put("failure-rate", Formats.number(breaker.failureRate(), 0) + "%");
        d.put("open-for", Formats.ms(breaker.openFor().toMillis()));
        d.put("half-open-calls", breaker.halfOpenCalls());
        return d;
    }
}
