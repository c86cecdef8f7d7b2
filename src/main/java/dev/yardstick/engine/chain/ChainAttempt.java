package dev.yardstick.engine.chain;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.SampleError;
import java.util.EnumSet;
import java.util.Set;

/** One try as the {@link FailoverChain} judges it: answered, sent and failed, or not sent at all. */
public interface ChainAttempt {

    /** Failures worth another try of the same model: the provider may be fine a moment later. */
    Set<ErrorClass> TRANSIENT = EnumSet.of(ErrorClass.RATE_LIMITED, ErrorClass.HTTP_5XX, ErrorClass.TIMEOUT,
            ErrorClass.CONNECTION, ErrorClass.MALFORMED_STREAM);

    boolean answered();

    /** Sent, and failed with {@link #error()}. */
    boolean failed();

    /** The failure of a sent try; null otherwise. */
    SampleError error();

    /** How long the try took, for the circuit breaker. */
    long tookNanos();

    /** A short account for timelines: {@code HTTP 500}, {@code timeout}, {@code circuit open}. */
    String describe();

    default boolean cancelled() {
        return error() != null && error().errorClass() == ErrorClass.CANCELLED;
    }

    default boolean transientFailure() {
        return failed() && TRANSIENT.contains(error().errorClass());
    }

    default Long retryAfterMillis() {
        return error() == null ? null : error().retryAfterMillis();
    }

    /** How a failed try reads in a timeline: its HTTP status, else its error class. */
    static String describe(SampleError error) {
        return error.httpStatus() != null ? "HTTP " + error.httpStatus() : error.errorClass().label();
    }
}
