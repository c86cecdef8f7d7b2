package dev.yardstick.switching;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import dev.yardstick.engine.chain.ChainAttempt;
import dev.yardstick.switching.integrity.IntegrityCheck;
import dev.yardstick.switching.window.Fitted;

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
               IntegrityCheck.Result integrity, String reason) implements ChainAttempt {

    enum Outcome { ANSWERED, FAILED, UNFIT, REFUSED }

    static Attempt refused(int turn, int number, String model, String reason) {
        return new Attempt(turn, number, model, System.nanoTime(), Outcome.REFUSED, null, null, null, reason);
    }

    static Attempt unfit(int turn, int number, String model, long startNanos, String reason) {
        return new Attempt(turn, number, model, startNanos, Outcome.UNFIT, null, null, null, reason);
    }

    @Override
    public boolean answered() {
        return outcome == Outcome.ANSWERED;
    }

    @Override
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    @Override
    public SampleError error() {
        return sample == null ? null : sample.error();
    }

    @Override
    public long tookNanos() {
        return sample == null ? 0 : sample.e2eNanos();
    }

    @Override
    public String describe() {
        return switch (outcome) {
            case ANSWERED -> "answered";
            case UNFIT, REFUSED -> reason;
            case FAILED -> ChainAttempt.describe(error());
        };
    }
}
