package dev.yardstick.engine;

import dev.yardstick.config.Secrets;
import java.util.Arrays;

/**
 * The immutable result of one request. Times are nanoseconds. {@code ttftNanos} and {@code e2eNanos} are measured
 * from the request's <em>scheduled</em> start (in open-loop runs that includes the wait for a free slot, which is
 * also given alone as {@code queueNanos}); in closed-loop runs scheduled and actual start are the same moment.
 *
 * @param sequence          the request's index in the plan
 * @param model             the model's label, {@code provider/model}
 * @param promptId          the prompt's id from the prompt set
 * @param repetition        0-based repetition of this model × prompt pair
 * @param warmup            true for warm-up requests, which no statistic includes
 * @param scheduledNanos    scheduled start, relative to the run's start
 * @param queueNanos        from the scheduled start to the moment the request was sent
 * @param ttftNanos         to the first chunk carrying generated content; -1 when none arrived
 * @param e2eNanos          to the last content byte (a trailing usage-only event does not extend it)
 * @param itlNanos          the gaps between consecutive content chunks
 * @param tokens            reported and counted tokens
 * @param text              the generated text ("" on error)
 * @param finishReason      the provider's finish reason, when given
 * @param requestId         the provider's request or response id, when given, to join with server logs
 * @param attempts          how many tries the request took (1 without retries)
 * @param error             null on success (after retries: the last try's error, with its own class)
 * @param retryNanos        from the first try's send to the last try's send: the earlier tries and the waits
 *                          between them, which TTFT and E2E include (the user waited them); 0 without retries
 */
public record Sample(long sequence, String model, String promptId, int repetition, boolean warmup,
                     long scheduledNanos, long queueNanos, long ttftNanos, long e2eNanos, long[] itlNanos,
                     TokenCounts tokens, String text, String finishReason, String requestId, int attempts,
                     SampleError error, long retryNanos) {

    /** A sample of a request that took one try. */
    public Sample(long sequence, String model, String promptId, int repetition, boolean warmup, long scheduledNanos,
                  long queueNanos, long ttftNanos, long e2eNanos, long[] itlNanos, TokenCounts tokens, String text,
                  String finishReason, String requestId, int attempts, SampleError error) {
        this(sequence, model, promptId, repetition, warmup, scheduledNanos, queueNanos, ttftNanos, e2eNanos, itlNanos,
                tokens, text, finishReason, requestId, attempts, error, 0);
    }

    public Sample {
        // A server may echo the key it was sent, in its answer or its ids: scrubbed here, no report, samples file
        // or later turn of a conversation ever holds it.
        text = Secrets.redact(text);
        requestId = Secrets.redact(requestId);
    }

    public boolean ok() {
        return error == null;
    }

    /** An answer replayed from the response cache: no try was sent, so it has no latency to count. */
    public boolean cached() {
        return attempts == 0;
    }

    /**
     * A complete answer with no text: the stream ended with its protocol's stop reason, so it is a success, but one
     * a reader should see (flagged {@code empty-answer} in samples and reports).
     */
    public boolean emptyAnswer() {
        return ok() && (text == null || text.isEmpty()) && finishReason != null;
    }

    /** The same request ended otherwise: its times and tries kept, its answer dropped. */
    public Sample withError(SampleError newError) {
        return new Sample(sequence, model, promptId, repetition, warmup, scheduledNanos, queueNanos, ttftNanos, e2eNanos,
                new long[0], tokens, "", null, requestId, attempts, newError, retryNanos);
    }

    /** TTFT of the answering try alone: without the earlier tries and the waits between them; -1 when none. */
    public long ttftWithoutRetriesNanos() {
        return ttftNanos < 0 ? -1 : ttftNanos - retryNanos;
    }

    /** E2E of the answering try alone: without the earlier tries and the waits between them. */
    public long e2eWithoutRetriesNanos() {
        return e2eNanos - retryNanos;
    }

    /** Time per output token after the first: (E2E − TTFT) / (output − 1); NaN when undefined. */
    public double tpotNanos() {
        int out = tokens == null ? 0 : tokens.output();
        if (!ok() || ttftNanos < 0 || out < 2) {
            return Double.NaN;
        }
        return (double) (e2eNanos - ttftNanos) / (out - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && sequence == s.sequence && model.equals(s.model)
                && e2eNanos == s.e2eNanos && Arrays.equals(itlNanos, s.itlNanos);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + model.hashCode();
    }

    @Override
    public String toString() {
        return "Sample[" + sequence + " " + model + " " + promptId + " e2e=" + e2eNanos + " ok=" + ok() + "]";
    }
}
