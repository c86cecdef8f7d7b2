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
 * @param ttftNanos         to the first chunk carrying generated tokens on any channel, reasoning or visible; -1
 *                          when none arrived
 * @param e2eNanos          to the last content byte (a trailing usage-only event does not extend it)
 * @param itlNanos          the gaps between consecutive chunks of generated tokens (reasoning or visible)
 * @param tokens            reported and counted tokens
 * @param text              the generated text ("" on error)
 * @param finishReason      the provider's finish reason, when given
 * @param requestId         the provider's request or response id, when given, to join with server logs
 * @param attempts          how many tries the request took (1 without retries)
 * @param error             null on success (after retries: the last try's error, with its own class)
 * @param retryNanos        from the first try's send to the last try's send: the earlier tries and the waits
 *                          between them, which TTFT and E2E include (the user waited them); 0 without retries
 * @param ttfoNanos         to the first chunk of visible output (TTFO): later than TTFT by the reasoning streamed
 *                          before the answer, equal to it when there was none; -1 when no visible output arrived
 * @param endpoint          the endpoint that answered when the model is a pool of endpoints; null otherwise
 */
public record Sample(long sequence, String model, String promptId, int repetition, boolean warmup,
                     long scheduledNanos, long queueNanos, long ttftNanos, long e2eNanos, long[] itlNanos,
                     TokenCounts tokens, String text, String finishReason, String requestId, int attempts,
                     SampleError error, long retryNanos, long ttfoNanos, String endpoint) {

    /** A sample with no reasoning before its answer (TTFO is TTFT), from no pool. */
    public Sample(long sequence, String model, String promptId, int repetition, boolean warmup, long scheduledNanos,
                  long queueNanos, long ttftNanos, long e2eNanos, long[] itlNanos, TokenCounts tokens, String text,
                  String finishReason, String requestId, int attempts, SampleError error, long retryNanos) {
        this(sequence, model, promptId, repetition, warmup, scheduledNanos, queueNanos, ttftNanos, e2eNanos, itlNanos,
                tokens, text, finishReason, requestId, attempts, error, retryNanos, ttftNanos, null);
    }

    /** A sample of a request that took one try. */
    public Sample(long sequence, String model, String promptId, int repetition, boolean warmup, long scheduledNanos,
                  long queueNanos, long ttftNanos, long e2eNanos, long[] itlNanos, TokenCounts tokens, String text,
                  String finishReason, String requestId, int attempts, SampleError error) {
        this(sequence, model, promptId, repetition, warmup, scheduledNanos, queueNanos, ttftNanos, e2eNanos, itlNanos,
                tokens, text, finishReason, requestId, attempts, error, 0, ttftNanos, null);
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
                new long[0], tokens, "", null, requestId, attempts, newError, retryNanos, ttfoNanos, endpoint);
    }

    /** The same request, with the time it waited for our own slot before it was sent. */
    public Sample withQueue(long newQueueNanos) {
        return new Sample(sequence, model, promptId, repetition, warmup, scheduledNanos, newQueueNanos, ttftNanos,
                e2eNanos, itlNanos, tokens, text, finishReason, requestId, attempts, error, retryNanos, ttfoNanos,
                endpoint);
    }

    /** The same request, labelled with the pool's endpoint that answered it. */
    public Sample withEndpoint(String name) {
        return new Sample(sequence, model, promptId, repetition, warmup, scheduledNanos, queueNanos, ttftNanos, e2eNanos,
                itlNanos, tokens, text, finishReason, requestId, attempts, error, retryNanos, ttfoNanos, name);
    }

    /**
     * True when the stream carried reasoning: reasoning text before or beside the answer, or reasoning tokens the
     * provider counted (some hide the text and report only the count).
     */
    public boolean reasoned() {
        return tokens != null && tokens.reasoning() > 0 || ttfoNanos > ttftNanos;
    }

    /** TTFT of the answering try alone: without the earlier tries and the waits between them; -1 when none. */
    public long ttftWithoutRetriesNanos() {
        return ttftNanos < 0 ? -1 : ttftNanos - retryNanos;
    }

    /** E2E of the answering try alone: without the earlier tries and the waits between them. */
    public long e2eWithoutRetriesNanos() {
        return e2eNanos - retryNanos;
    }

    /**
     * Time per output token after the first: (E2E − TTFT) / (output − 1), NaN when undefined. TTFT is the first token
     * on any channel and output counts every generated token, reasoning included, so the decode phase and the tokens
     * it made are the same ones.
     */
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
