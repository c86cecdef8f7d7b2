package dev.yardstick.engine.chain;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Gets one request answered: tries its model, retrying transient failures with a resilience4j {@link Retry}
 * (exponential backoff with jitter, never shorter than the server's Retry-After), and moves to the next model of
 * the chain when the model's {@link CircuitBreaker} is open, its retries are spent, its error is not transient or
 * the try could not be sent. One breaker per model lives as long as the chain, so a provider that keeps failing is
 * skipped on later steps until its wait is over and a trial call (half-open) succeeds. Safe for concurrent
 * requests; the random source must then be thread-safe too.
 *
 * @param <A> the try as its caller records it
 */
public final class FailoverChain<A extends ChainAttempt> {

    /** The timeline the chain writes: retries, skips, failovers and breaker state changes. */
    @FunctionalInterface
    public interface Events {
        Events NONE = (step, model, kind, detail) -> { };

        void add(int step, String model, String kind, String detail);
    }

    /** One try of one model; never throws. */
    @FunctionalInterface
    public interface TryOnce<A> {
        /** @param number the try's number within the request, from 1, across models */
        A apply(String label, int number);
    }

    /** The try the chain records when an open breaker refuses it. */
    @FunctionalInterface
    public interface Refusal<A> {
        A refused(int step, int number, String label, String reason);
    }

    private final FailoverPolicy policy;
    private final Events events;
    private final RandomGenerator random;
    private final Clock clock;
    private final Function<String, String> names;
    private final Refusal<A> refusal;
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
    private volatile int step;

    /** @param names the user's name for a model label, for the timeline's prose */
    public FailoverChain(FailoverPolicy policy, Events events, RandomGenerator random, Clock clock,
                         Function<String, String> names, Refusal<A> refusal) {
        this.policy = policy;
        this.events = events;
        this.random = random;
        this.clock = clock;
        this.names = names;
        this.refusal = refusal;
    }

    /**
     * Tries {@code labels} in order until one answers.
     *
     * @param cancelled true once the run is being stopped
     * @return every try made, in order; the last one answered when any did
     */
    public List<A> run(int stepNumber, List<String> labels, TryOnce<A> tryOnce, BooleanSupplier cancelled) {
        this.step = stepNumber;
        List<A> attempts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            A last = tryModel(stepNumber, label, attempts, tryOnce, cancelled);
            if (last.answered() || last.cancelled() || cancelled.getAsBoolean()) {
                break;
            }
            String why = why(last, breaker(label));
            if (i + 1 < labels.size()) {
                events.add(stepNumber, label, "failover", "moving on to " + names.apply(labels.get(i + 1)) + ": "
                        + why);
            } else {
                events.add(stepNumber, label, "exhausted", "no model left in the chain: " + why);
            }
        }
        return attempts;
    }

    private A tryModel(int stepNumber, String label, List<A> attempts, TryOnce<A> tryOnce,
                       BooleanSupplier cancelled) {
        CircuitBreaker breaker = breaker(label);
        RetryConfig config = RetryConfig.<A>custom()
                .maxAttempts(policy.retry().maxAttempts())
                // No wait for a retry the open breaker would refuse anyway: move on at once.
                .retryOnResult(a -> a.transientFailure() && !policy.retry().tooLong(a.retryAfterMillis())
                        && !open(breaker) && !cancelled.getAsBoolean())
                .intervalBiFunction((failed, outcome) -> policy.retry().waitMillis(failed,
                        outcome.isRight() ? outcome.get().retryAfterMillis() : null, random))
                .build();
        Retry retry = Retry.of(label + " step " + stepNumber, config);
        retry.getEventPublisher().onRetry(e -> {
            A failed = attempts.get(attempts.size() - 1);
            Long retryAfter = failed.retryAfterMillis();
            events.add(stepNumber, label, "retry", "after " + failed.describe() + ", try again in "
                    + e.getWaitInterval().toMillis() + " ms" + (retryAfter == null ? ""
                    : " (Retry-After " + retryAfter + " ms honoured)"));
        });
        try {
            return retry.executeSupplier(() -> {
                A attempt = guarded(stepNumber, breaker, label, attempts.size() + 1, tryOnce);
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

    /** One try under the breaker: refused while open; successes and failures recorded, unsent tries not. */
    private A guarded(int stepNumber, CircuitBreaker breaker, String label, int number, TryOnce<A> tryOnce) {
        if (breaker == null) {
            return tryOnce.apply(label, number);
        }
        if (!breaker.tryAcquirePermission()) {
            String reason = "circuit " + breaker.getState().name().toLowerCase(Locale.ROOT).replace('_', '-');
            events.add(stepNumber, label, "skipped", reason);
            return refusal.refused(stepNumber, number, label, reason);
        }
        A attempt = tryOnce.apply(label, number);
        if (attempt.answered()) {
            breaker.onSuccess(attempt.tookNanos(), TimeUnit.NANOSECONDS);
        } else if (attempt.failed() && !attempt.cancelled()) {
            breaker.onError(attempt.tookNanos(), TimeUnit.NANOSECONDS, new FailedCall(attempt.describe()));
        } else {
            breaker.releasePermission(); // Ctrl-C, or nothing sent: nothing to judge the provider by
        }
        return attempt;
    }

    private static boolean open(CircuitBreaker breaker) {
        return breaker != null && breaker.getState() == CircuitBreaker.State.OPEN;
    }

    /** The model's breaker; null when the policy has none. */
    private synchronized CircuitBreaker breaker(String label) {
        if (policy.breaker() == null) {
            return null;
        }
        return breakers.computeIfAbsent(label, l -> {
            CircuitBreaker breaker = CircuitBreaker.of(l, policy.breaker().config(clock));
            breaker.getEventPublisher().onStateTransition(e -> events.add(step, l, "circuit",
                    e.getStateTransition().getFromState() + " → " + e.getStateTransition().getToState()));
            return breaker;
        });
    }

    /** Each model's breaker state now, for the report. */
    public synchronized Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        breakers.forEach((label, breaker) -> states.put(label, breaker.getState().name()));
        return states;
    }

    private String why(A last, CircuitBreaker breaker) {
        if (!last.failed()) {
            return last.describe();
        }
        if (!last.transientFailure()) {
            return last.describe() + " is not worth a retry";
        }
        if (policy.retry().tooLong(last.retryAfterMillis())) {
            return last.describe() + " with Retry-After " + last.retryAfterMillis()
                    + " ms, longer than max-retry-after";
        }
        return open(breaker) ? last.describe() + ", circuit now open" : "retries spent, last " + last.describe();
    }

    /** What the breaker records as a failed call. */
    private static final class FailedCall extends RuntimeException {
        FailedCall(String message) {
            super(message, null, false, false);
        }
    }
}
