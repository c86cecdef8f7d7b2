package dev.yardstick.report;

import dev.yardstick.eval.CheckResult;
import java.util.List;

/**
 * One request as a report shows it: times in milliseconds, both token counts where both exist, the answer, the
 * checks it passed or failed, and the error when it failed.
 *
 * @param burst  true when its content arrived in one burst after a stall (its tokens/s is left out); null otherwise
 */
public record SampleRecord(long sequence, String model, String promptId, int repetition, boolean ok,
                           Double ttftMs, double e2eMs, double queueMs, int chunks, List<Double> itlMs,
                           Tokens tokens, String text, String finishReason, String requestId, Error error,
                           List<CheckResult> checks, Double costUsd, Boolean burst) {

    /** Token counts: {@code input}/{@code output} are the ones every derived figure used, with their source. */
    public record Tokens(int input, int output, int cachedInput, int cacheWriteInput, String inputSource,
                         String outputSource,
                         Integer reportedInput, Integer reportedOutput, Integer countedInput, Integer countedOutput) {
    }

    public record Error(String errorClass, Integer httpStatus, String message) {
    }
}
