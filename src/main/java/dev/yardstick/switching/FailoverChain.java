package dev.yardstick.switching;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Gets one turn answered: tries the turn's model, retrying transient failures with a resilience4j {@link Retry}
 * (exponential backoff with jitter, never shorter than the server's Retry-After), and moves to the next model of
 * the chain when the model's {@link CircuitBreaker} is open, its retries are spent, its error is not transient or
 * the history does not fit it. One breaker per model lives as long as the conversation, so a provider that keeps
 * failing is skipped on later turns until its wait is over and a trial call (half-open) succeeds.
 */
final class FailoverChain {

    private final FailoverPolicy policy;
    private final EventLog events;
    private final RandomGenerator random;
    private final Clock clock;
    private final Function<String, String> names;
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
    private volatile int turn;

    /** @param names the script's name for a model label, for the timeline's prose */
    FailoverChain(FailoverPolicy policy, EventLog events, RandomGenerator random, Clock clock,
                  Function<String, String> names) {
        this.policy = policy;
        this.events = events;
        this.random = random;
        this.clock = clock;
        this.names = names;
    }

    /**
     * Tries {@code labels} in order until one answers.
     *
     * @param cancelled true once the run is being stopped
     * @return every try made, in order; the last one answered when any did
     */
    List<Attempt> run(int turnNumber, List<String> labels, TryOnce tryOnce, BooleanSupplier cancelled) {
        this.turn = turnNumber;
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            Attempt last = tryModel(label, attempts, tryOnce, cancelled);
            if (last.answered() || last.cancelled() || cancelled.getAsBoolean()) {
                break;
            }
            String why = why(last, breaker(label));
            if (i + 1 < labels.size()) {
                events.add(turnNumber, label, "failover", "moving on to " + names.apply(labels.get(i + 1)) + ": "
                        + why);
            } else {
                events.add(turnNumber, label, "exhausted", "no model left in the chain: " + why);
            }
        }
        return attempts;
    }

    /** One try of one model; never throws. */
    @FunctionalInterface
    interface TryOnce {
        /** @param number the try's number within the turn, from 1 */
        Attempt apply(String label, int number);
    }

    private Attempt tryModel(String label, List<Attempt> attempts, TryOnce tryOnce, BooleanSupplier cancelled) {
        CircuitBreaker breaker = breaker(label);
        RetryConfig config = RetryConfig.<Attempt>custom()
                .maxAttempts(policy.retry().maxAttempts())
                // No wait for a retry the open breaker would refuse anyway: move on at once.
                .retryOnResult(a -> a.transientFailure() && !policy.retry().tooLong(a.retryAfterMillis())
                        && breaker.getState() != CircuitBreaker.State.OPEN && !cancelled.getAsBoolean())
                .intervalBiFunction((failed, outcome) -> policy.retry().waitMillis(failed,
                        outcome.isRight() ? outcome.get().retryAfterMillis() : null, random))
                .build();
        Retry retry = Retry.of(label + " turn " + turn, config);
        retry.getEventPublisher().onRetry(e -> {
            Attempt failed = attempts.get(attempts.size() - 1);
            Long retryAfter = failed.retryAfterMillis();
            events.add(turn, label, "retry", "after " + failed.describe() + ", try again in "
                    + e.getWaitInterval().toMillis() + " ms" + (retryAfter == null ? ""
                    : " (Retry-After " + retryAfter + " ms honoured)"));
        });
        try {
            return retry.executeSupplier(() -> {
                Attempt attempt = guarded(breaker, label, attempts.size() + 1, tryOnce);
                attempts.add(attempt);
                return attempt;
            });
        } catch (RuntimeException e) {
            // resilience4j ends a backoff wait that was interrupted (Ctrl-C) with an exception: the last try stands.
            if (!Thread.currentThread().isInterrupted() && !cancelled.getAsBoolean() || attempts.isEmpty()) {
                throw e;
            }
            return attempts.get(attempts.size() - 1);
        }
    }

    /** One try under the breaker: refused while open; successes and failures recorded, unfit tries not. */
    private Attempt guarded(CircuitBreaker breaker, String label, int number, TryOnce tryOnce) {
        if (!breaker.tryAcquirePermission()) {
            Attempt refused = Attempt.refused(turn, number, label, "circuit " + breaker.getState().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', '-'));
            events.add(turn, label, "skipped", refused.reason());
            return refused;
        }
        Attempt attempt = tryOnce.apply(label, number);
        long took = attempt.sample() == null ? 0 : attempt.sample().e2eNanos();
        switch (attempt.outcome()) {
            case ANSWERED -> breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            case FAILED -> {
                if (attempt.cancelled()) {
                    breaker.releasePermission(); // Ctrl-C says nothing about the provider
                } else {
                    breaker.onError(took, TimeUnit.NANOSECONDS, new FailedCall(attempt.describe()));
                }
            }
            default -> breaker.releasePermission(); // not sent: nothing to judge the provider by
        }
        return attempt;
    }

    private CircuitBreaker breaker(String label) {
        return breakers.computeIfAbsent(label, l -> {
            CircuitBreaker breaker = CircuitBreaker.of(l, policy.breaker().config(clock));
            breaker.getEventPublisher().onStateTransition(e -> events.add(turn, l, "circuit",
                    e.getStateTransition().getFromState() + " → " + e.getStateTransition().getToState()));
            return breaker;
        });
    }

    /** Each model's breaker state now, for the report. */
    Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        breakers.forEach((label, breaker) -> states.put(label, breaker.getState().name()));
        return states;
    }

    private String why(Attempt last, CircuitBreaker breaker) {
        if (last.outcome() != Attempt.Outcome.FAILED) {
            return last.describe();
        }
        if (!last.transientFailure()) {
            return last.describe() + " is not worth a retry";
        }
        if (policy.retry().tooLong(last.retryAfterMillis())) {
            return last.describe() + " with Retry-After " + last.retryAfterMillis()
                    + " ms, longer than max-retry-after";
        }
        return breaker.getState() == CircuitBreaker.State.OPEN ? last.describe() + ", circuit now open"
                : "retries spent, last " + last.describe();
    }

    /** What the breaker records as a failed call. */
    private static final class FailedCall extends RuntimeException {
        FailedCall(String message) {
            super(message, null, false, false);
        }
    }
}
