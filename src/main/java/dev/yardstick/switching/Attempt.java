package dev.yardstick.switching;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import java.util.EnumSet;
import java.util.Set;

/**
 * One try of one model at one turn: sent and answered, sent and failed, not sendable because the history does
 * not fit that model, or refused because the model's circuit is open.
 *
 * @param number     the try's number within its turn, from 1, across models
 * @param startNanos System.nanoTime() when it began
 * @param sample     the request's result; null when nothing was sent
 * @param fitted     the history as fitted for this model; null when it could not be fitted
 * @param integrity  what the provider received, checked against the state; null when nothing reached it
 * @param reason     why nothing was sent (refused or unfit), else null
 */
record Attempt(int turn, int number, String model, long startNanos, Outcome outcome, Sample sample, Fitted fitted,
               IntegrityCheck.Result integrity, String reason) {

    enum Outcome { ANSWERED, FAILED, UNFIT, REFUSED }

    /** Failures worth another try of the same model: the provider may be fine a moment later. */
    private static final Set<ErrorClass> TRANSIENT = EnumSet.of(ErrorClass.RATE_LIMITED, ErrorClass.HTTP_5XX,
            ErrorClass.TIMEOUT, ErrorClass.CONNECTION, ErrorClass.MALFORMED_STREAM);

    static Attempt refused(int turn, int number, String model, String reason) {
        return new Attempt(turn, number, model, System.nanoTime(), Outcome.REFUSED, null, null, null, reason);
    }

    static Attempt unfit(int turn, int number, String model, long startNanos, String reason) {
        return new Attempt(turn, number, model, startNanos, Outcome.UNFIT, null, null, null, reason);
    }

    boolean answered() {
        return outcome == Outcome.ANSWERED;
    }

    SampleError error() {
        return sample == null ? null : sample.error();
    }

    boolean cancelled() {
        return error() != null && error().errorClass() == ErrorClass.CANCELLED;
    }

    boolean transientFailure() {
        return outcome == Outcome.FAILED && TRANSIENT.contains(error().errorClass());
    }

    Long retryAfterMillis() {
        return error() == null ? null : error().retryAfterMillis();
    }

    /** A short account for timelines: {@code HTTP 500}, {@code timeout}, {@code circuit open}. */
    String describe() {
        return switch (outcome) {
            case ANSWERED -> "answered";
            case UNFIT, REFUSED -> reason;
            case FAILED -> error().httpStatus() != null ? "HTTP " + error().httpStatus() : error().errorClass().label();
        };
    }
}
