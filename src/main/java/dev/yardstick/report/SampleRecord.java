package dev.yardstick.report;

import dev.yardstick.eval.CaseResult;
import dev.yardstick.eval.CheckResult;
import java.util.List;

/**
 * One request as a report shows it: times in milliseconds, both token counts where both exist, the answer, the
 * checks it passed or failed, and the error when it failed. {@code flags} marks what a reader should look at in a
 * sample that still counts ({@value #EMPTY_ANSWER}, {@value #BURST}); null when there is none. A request that took
 * retries gives its {@code attempts} and the {@code retryMs} its earlier tries and waits took (both inside its TTFT and
 * E2E); both are absent for a request that took one try. {@code grade} is the answer's verdict by its case's
 * assertions (each one's result, the weighted score), null when the case asserts nothing or the request failed.
 * A request that reasoned before answering gives {@code ttfoMs}, its first visible output (its {@code ttftMs} is the
 * first token on any channel), and its {@code reasoningTokens} with their source; both absent otherwise. A request
 * to a pool of endpoints names the {@code endpoint} that answered it.
 */
public record SampleRecord(long sequence, String model, String promptId, int repetition, boolean ok,
                           Double ttftMs, double e2eMs, double queueMs, int chunks, List<Double> itlMs,
                           Tokens tokens, String text, String finishReason, String requestId, Error error,
                           List<CheckResult> checks, Double costUsd, List<String> flags, Integer attempts,
                           Double retryMs, CaseResult grade, Double ttfoMs, Integer reasoningTokens,
                           String reasoningSource, String endpoint) {

    /** A request that did not reason, to no pool. */
    public SampleRecord(long sequence, String model, String promptId, int repetition, boolean ok,
                        Double ttftMs, double e2eMs, double queueMs, int chunks, List<Double> itlMs,
                        Tokens tokens, String text, String finishReason, String requestId, Error error,
                        List<CheckResult> checks, Double costUsd, List<String> flags, Integer attempts,
                        Double retryMs, CaseResult grade) {
        this(sequence, model, promptId, repetition, ok, ttftMs, e2eMs, queueMs, chunks, itlMs, tokens, text,
                finishReason, requestId, error, checks, costUsd, flags, attempts, retryMs, grade, null, null, null,
                null);
    }

    /** A complete answer with no text (see {@code Sample.emptyAnswer}). */
    public static final String EMPTY_ANSWER = "empty-answer";
    /** Content that arrived in one burst after a stall: its per-request tokens/s is left out (see {@code Bursts}). */
    public static final String BURST = "burst";
    /** An answer replayed from the response cache: no request was sent, and it has no times. */
    public static final String CACHED = "cached";

    /** Token counts: {@code input}/{@code output} are the ones every derived figure used, with their source. */
    public record Tokens(int input, int output, int cachedInput, int cacheWriteInput, String inputSource,
                         String outputSource,
                         Integer reportedInput, Integer reportedOutput, Integer countedInput, Integer countedOutput) {
    }

    public record Error(String errorClass, Integer httpStatus, String message) {
    }
}
