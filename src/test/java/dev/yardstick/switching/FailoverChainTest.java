package dev.yardstick.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.config.BreakerPolicy;
import dev.yardstick.engine.chain.FailoverChain;
import dev.yardstick.engine.chain.FailoverPolicy;
import dev.yardstick.engine.chain.RetryPolicy;
import dev.yardstick.provider.TokenSource;
import dev.yardstick.report.SwitchReport;
import org.junit.jupiter.api.Test;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The chain's retry, backoff and circuit breakers, driven by scripted outcomes instead of models. */
class FailoverChainTest {

    private static final String PRIMARY = "mock/primary";
    private static final String BACKUP = "mock/backup";

    private final ManualClock clock = new ManualClock();
    private final EventLog events = new EventLog(System.nanoTime());

    private FailoverChain<Attempt> chain(RetryPolicy retry, BreakerPolicy breaker) {
        return new FailoverChain<>(new FailoverPolicy(List.of(), retry, breaker), events, new SplittableRandom(7),
                clock, label -> label, Attempt::refused);
    }

    private static Attempt answered(int turn, String model, int number) {
        return new Attempt(turn, number, model, System.nanoTime(), Attempt.Outcome.ANSWERED, sample(model, null), null,
                null, null);
    }

    private static Attempt failed(int turn, String model, int number, ErrorClass errorClass, Integer status,
                                  Long retryAfterMillis) {
        return new Attempt(turn, number, model, System.nanoTime(), Attempt.Outcome.FAILED, sample(model,
                new SampleError(errorClass, status, "scripted", retryAfterMillis)), null, null, null);
    }

    private static Sample sample(String model, SampleError error) {
        return new Sample(0, model, "p", 0, false, 0, 0, 1, 1, new long[0],
                new TokenCounts(null, null, null, 1, 1, TokenSource.COUNTED), error == null ? "ok" : "", null, null,
                1, error);
    }

    private List<String> kinds() {
        return events.events().stream().map(e -> e.model() + " " + e.kind() + " " + e.detail()).toList();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndNeverUndercutsRetryAfter() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), 2, 0.2, Duration.ofMillis(300),
                Duration.ofSeconds(30));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            long first = policy.waitMillis(1, null, random);
            long second = policy.waitMillis(2, null, random);
            long capped = policy.waitMillis(4, null, random);
            assertTrue(first >= 80 && first <= 120, "100 ms ±20%: " + first);
            assertTrue(second >= 160 && second <= 240, "200 ms ±20%: " + second);
            assertTrue(capped >= 240 && capped <= 360, "capped at 300 ms ±20%: " + capped);
            assertEquals(1500, policy.waitMillis(1, 1500L, random), "Retry-After wins when longer");
        }
        assertTrue(policy.tooLong(31_000L));
    }

    @Test
    void retriesTransientFailuresHonouringRetryAfter() {
        FailoverChain<Attempt> chain = chain(new RetryPolicy(3, Duration.ofMillis(5), 2, 0, Duration.ofSeconds(1),
                Duration.ofSeconds(5)), new BreakerPolicy(10, 10, 100, Duration.ofSeconds(1), 1));
        List<Long> starts = new ArrayList<>();
        List<Attempt> tries = chain.run(1, List.of(PRIMARY, BACKUP), (label, n) -> {
            starts.add(System.nanoTime());
            return n < 3 ? failed(1, label, n, ErrorClass.RATE_LIMITED, 429, 150L) : answered(1, label, n);
        }, () -> false);
        assertEquals(3, tries.size());
        assertTrue(tries.get(2).answered());
        assertEquals(PRIMARY, tries.get(2).model(), "retried the same model, no failover");
        for (int i = 1; i < starts.size(); i++) {
            long waitedMs = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
            assertTrue(waitedMs >= 150, "waited out Retry-After: " + waitedMs + " ms");
        }
        assertEquals(2, events.events().stream().filter(e -> e.kind().equals("retry")
                && e.detail().contains("Retry-After 150 ms honoured")).count(), kinds().toString());
    }

    @Test
    void aClientErrorIsNotRetriedButFailsOver() {
        FailoverChain<Attempt> chain = chain(RetryPolicy.DEFAULTS, BreakerPolicy.DEFAULTS);
        List<Attempt> tries = chain.run(1, List.of(PRIMARY, BACKUP), (label, n) -> label.equals(PRIMARY)
                ? failed(1, label, n, ErrorClass.HTTP_4XX, 400, null) : answered(1, label, n), () -> false);
        assertEquals(List.of(PRIMARY, BACKUP), tries.stream().map(Attempt::model).toList());
        assertTrue(kinds().contains(PRIMARY + " failover moving on to " + BACKUP + ": HTTP 400 is not worth a retry"),
                kinds().toString());
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsOverAtOnce() {
        FailoverChain<Attempt> chain = chain(new RetryPolicy(3, Duration.ofMillis(5), 2, 0, Duration.ofSeconds(1),
                Duration.ofMillis(500)), BreakerPolicy.DEFAULTS);
        long start = System.nanoTime();
        List<Attempt> tries = chain.run(1, List.of(PRIMARY, BACKUP), (label, n) -> label.equals(PRIMARY)
                ? failed(1, label, n, ErrorClass.RATE_LIMITED, 429, 60_000L) : answered(1, label, n), () -> false);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "did not wait a minute");
        assertEquals(List.of(PRIMARY, BACKUP), tries.stream().map(Attempt::model).toList());
        assertTrue(kinds().contains(PRIMARY + " failover moving on to " + BACKUP + ": HTTP 429 with Retry-After 60000 "
                + "ms, longer than max-retry-after"), kinds().toString());
    }

    @Test
    void circuitOpensAfterTheConfiguredFailuresAndHalfOpensAfterItsWait() {
        // Three failures in a window of three open it; it stays open 10 s of the manual clock.
        FailoverChain<Attempt> chain = chain(new RetryPolicy(3, Duration.ofMillis(1), 1, 0, Duration.ofMillis(1),
                Duration.ofSeconds(1)), new BreakerPolicy(3, 3, 100, Duration.ofSeconds(10), 1));
        List<Attempt> turn1 = chain.run(1, List.of(PRIMARY, BACKUP), (label, n) -> label.equals(PRIMARY)
                ? failed(1, label, n, ErrorClass.HTTP_5XX, 500, null) : answered(1, label, n), () -> false);
        assertEquals(List.of(PRIMARY, PRIMARY, PRIMARY, BACKUP), turn1.stream().map(Attempt::model).toList());
        assertEquals("OPEN", chain.states().get(PRIMARY));

        List<Attempt> turn2 = chain.run(2, List.of(PRIMARY, BACKUP), (label, n) -> answered(2, label, n), () -> false);
        assertEquals(Attempt.Outcome.REFUSED, turn2.get(0).outcome(), "open: not even tried");
        assertEquals("circuit open", turn2.get(0).reason());
        assertEquals(BACKUP, turn2.get(1).model());

        clock.advance(Duration.ofSeconds(11));
        List<Attempt> turn3 = chain.run(3, List.of(PRIMARY, BACKUP), (label, n) -> answered(3, label, n), () -> false);
        assertEquals(PRIMARY, turn3.get(0).model(), "after its wait the trial call goes through");
        assertTrue(turn3.get(0).answered());
        assertEquals("CLOSED", chain.states().get(PRIMARY));
        List<String> transitions = events.events().stream().filter(e -> e.kind().equals("circuit"))
                .map(e -> e.turn() + " " + e.detail()).toList();
        assertEquals(List.of("1 CLOSED → OPEN", "3 OPEN → HALF_OPEN", "3 HALF_OPEN → CLOSED"), transitions);
        SwitchReport.Event opened = events.events().stream().filter(e -> e.kind().equals("circuit")).findFirst()
                .orElseThrow();
        assertTrue(opened.atMs() >= 0 && opened.at() != null, "every state change has its time");
    }

    @Test
    void aFailedTrialCallOpensTheCircuitAgain() {
        FailoverChain<Attempt> chain = chain(new RetryPolicy(1, Duration.ofMillis(1), 1, 0, Duration.ofMillis(1),
                Duration.ofSeconds(1)), new BreakerPolicy(2, 2, 100, Duration.ofSeconds(10), 1));
        for (int turn = 1; turn <= 2; turn++) {
            int t = turn;
            chain.run(t, List.of(PRIMARY, BACKUP), (label, n) -> label.equals(PRIMARY)
                    ? failed(t, label, n, ErrorClass.TIMEOUT, null, null) : answered(t, label, n), () -> false);
        }
        assertEquals("OPEN", chain.states().get(PRIMARY));
        clock.advance(Duration.ofSeconds(11));
        chain.run(3, List.of(PRIMARY, BACKUP), (label, n) -> label.equals(PRIMARY)
                ? failed(3, label, n, ErrorClass.TIMEOUT, null, null) : answered(3, label, n), () -> false);
        assertEquals("OPEN", chain.states().get(PRIMARY), "the half-open trial failed");
        assertTrue(kinds().contains(PRIMARY + " circuit HALF_OPEN → OPEN"), kinds().toString());
    }

    /** A clock the test moves by hand, so waits of seconds take none. */
    private static final class ManualClock extends Clock {
        private final AtomicLong millis = new AtomicLong(1_000_000);

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
