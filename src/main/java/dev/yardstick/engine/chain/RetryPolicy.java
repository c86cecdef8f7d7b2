package dev.yardstick.engine.chain;

import dev.yardstick.config.InputException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often one model is tried for one turn, and how long to wait between tries: exponential backoff with
 * jitter, never shorter than the Retry-After the server asked for. A Retry-After longer than
 * {@code maxRetryAfter} is not waited out: the chain moves on to the next model at once.
 *
 * @param maxAttempts   tries of one model per turn, the first included
 * @param backoff       the wait after the first failure
 * @param multiplier    each further wait is this many times the previous one
 * @param jitter        each wait is moved at random by up to this share of itself (0.2 = ±20%)
 * @param maxBackoff    no computed wait exceeds this (a Retry-After may)
 * @param maxRetryAfter the longest Retry-After honoured by waiting
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier, double jitter, Duration maxBackoff,
                          Duration maxRetryAfter) {

    /** Small on purpose: an LLM turn already takes seconds, and a user waits for it. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(200), 2.0, 0.2,
            Duration.ofSeconds(5), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new InputException("max-attempts must be at least 1, got " + maxAttempts);
        }
        if (multiplier < 1) {
            throw new InputException("multiplier must be at least 1, got " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new InputException("jitter must be between 0 and 1, got " + jitter);
        }
    }

    /**
     * The wait before the next try after {@code failedAttempts} tries of this model failed.
     *
     * @param retryAfterMillis the last failure's Retry-After, or null
     */
    public long waitMillis(int failedAttempts, Long retryAfterMillis, RandomGenerator random) {
        double base = backoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double jittered = capped * (1 + jitter * (2 * random.nextDouble() - 1));
        long wait = Math.max(0, Math.round(jittered));
        return retryAfterMillis == null ? wait : Math.max(wait, retryAfterMillis);
    }

    /** Whether a Retry-After is too long to wait out (then the next model is tried instead). */
    public boolean tooLong(Long retryAfterMillis) {
        return retryAfterMillis != null && retryAfterMillis > maxRetryAfter.toMillis();
    }

    /** The defaults with {@code retries} retries after the first try ({@code --retries N}). */
    public static RetryPolicy retries(int retries) {
        RetryPolicy d = DEFAULTS;
        return new RetryPolicy(retries + 1, d.backoff, d.multiplier, d.jitter, d.maxBackoff, d.maxRetryAfter);
    }
}
