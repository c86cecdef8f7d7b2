package dev.yardstick.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.BreakerPolicy;
import dev.yardstick.engine.chain.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The retry and circuit-breaker settings a script may give: their limits, their waits and how reports show them. */
class RecoveryPolicyTest {

    private static RetryPolicy retry(int attempts, double multiplier, double jitter) {
        return new RetryPolicy(attempts, Duration.ofMillis(100), multiplier, jitter, Duration.ofMillis(300),
                Duration.ofSeconds(30));
    }

    private static BreakerPolicy breaker(int window, int minCalls, double rate, Duration openFor, int halfOpen) {
        return new BreakerPolicy(window, minCalls, rate, openFor, halfOpen);
    }

    @Test
    void retrySettingsAcceptTheirEdgesAndRefuseWhatIsPast() {
        retry(1, 1, 0);
        retry(1, 1, 1);
        assertTrue(assertThrows(InputException.class, () -> retry(0, 2, 0.2)).getMessage().contains("max-attempts"));
        assertTrue(assertThrows(InputException.class, () -> retry(3, 0.99, 0.2)).getMessage().contains("multiplier"));
        assertTrue(assertThrows(InputException.class, () -> retry(3, 2, -0.01)).getMessage().contains("jitter"));
        assertTrue(assertThrows(InputException.class, () -> retry(3, 2, 1.01)).getMessage().contains("jitter"));
    }

    @Test
    void withoutJitterEachWaitDoublesUpToTheCap() {
        RetryPolicy policy = retry(5, 2, 0);
        SplittableRandom random = new SplittableRandom(3);
        assertEquals(100, policy.waitMillis(1, null, random));
        assertEquals(200, policy.waitMillis(2, null, random));
        assertEquals(300, policy.waitMillis(3, null, random), "400 capped at 300");
        assertEquals(100, policy.waitMillis(0, null, random), "no failure yet: the first wait");
    }

    @Test
    void aShortRetryAfterDoesNotShortenTheBackoff() {
        assertEquals(200, retry(5, 2, 0).waitMillis(2, 50L, new SplittableRandom(3)));
    }

    @Test
    void aRetryAfterOfExactlyTheLimitIsWaitedOut() {
        RetryPolicy policy = retry(3, 2, 0.2);
        assertFalse(policy.tooLong(30_000L));
        assertTrue(policy.tooLong(30_001L));
        assertFalse(policy.tooLong(null), "no Retry-After: nothing to wait out");
    }

    @Test
    void retrySettingsAreShownAsTheReportPrintsThem() {
        Map<String, Object> shown = PolicySettings.describe(RetryPolicy.DEFAULTS);
        assertEquals(List.of("max-attempts", "backoff", "multiplier", "jitter", "max-backoff", "max-retry-after"),
                List.copyOf(shown.keySet()));
        assertEquals(3, shown.get("max-attempts"));
        assertEquals("200 ms", shown.get("backoff"));
        assertEquals(2.0, shown.get("multiplier"));
        assertEquals("±20%", shown.get("jitter"));
    }

    @Test
    void breakerSettingsAcceptTheirEdgesAndRefuseWhatIsPast() {
        Duration second = Duration.ofSeconds(1);
        breaker(1, 1, 100, second, 1);
        breaker(1, 1, 0.1, Duration.ofMillis(1), 1);
        for (BreakerArgs bad : List.of(new BreakerArgs(0, 1, 50, second, 1), new BreakerArgs(1, 0, 50, second, 1),
                new BreakerArgs(1, 1, 50, second, 0))) {
            InputException e = assertThrows(InputException.class, bad::make);
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        }
        assertThrows(InputException.class, () -> breaker(4, 2, 0, second, 1));
        assertThrows(InputException.class, () -> breaker(4, 2, 100.5, second, 1));
        assertThrows(InputException.class, () -> breaker(4, 2, 50, Duration.ZERO, 1));
        assertThrows(InputException.class, () -> breaker(4, 2, 50, Duration.ofSeconds(-1), 1));
    }

    private record BreakerArgs(int window, int minCalls, double rate, Duration openFor, int halfOpen) {
        void make() {
            breaker(window, minCalls, rate, openFor, halfOpen);
        }
    }

    @Test
    void aBreakerNeverWaitsForMoreCallsThanItsWindowHolds() {
        CircuitBreakerConfig config = breaker(3, 10, 50, Duration.ofSeconds(2), 2).config(Clock.systemUTC());
        assertEquals(3, config.getSlidingWindowSize());
        assertEquals(3, config.getMinimumNumberOfCalls());
        assertEquals(50f, config.getFailureRateThreshold());
        assertEquals(2, config.getPermittedNumberOfCallsInHalfOpenState());
    }

    @Test
    void breakerSettingsAreShownAsTheReportPrintsThem() {
        Map<String, Object> shown = PolicySettings.describe(BreakerPolicy.DEFAULTS);
        assertEquals(List.of("window", "min-calls", "failure-rate", "open-for", "half-open-calls"),
                List.copyOf(shown.keySet()));
        assertEquals("50%", shown.get("failure-rate"));
        assertEquals(4, shown.get("window"));
        assertEquals(1, shown.get("half-open-calls"));
    }
}
