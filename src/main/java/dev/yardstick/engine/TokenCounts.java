package dev.yardstick.engine;

import dev.yardstick.provider.TokenSource;

/**
 * The token counts of one request. The provider's reported usage and our own count are both kept where both
 * exist; {@link #input()} and {@link #output()} prefer the reported ones, and say which they used.
 *
 * @param reportedInput   the provider's input (prompt) tokens, null when it sent no usage
 * @param reportedOutput  the provider's output tokens, null when it sent no usage
 * @param reportedCached  input tokens the provider served from its prompt cache, null when not reported
 * @param reportedCacheWrite input tokens the provider wrote to its prompt cache (Anthropic bills them apart),
 *                        null when not reported
 * @param countedInput    our count of the input with {@code countSource}'s tokenizer
 * @param countedOutput   our count of the generated text
 * @param countSource     whether our counts come from the model's tokenizer or are an estimate
 */
public record TokenCounts(Integer reportedInput, Integer reportedOutput, Integer reportedCached,
                          Integer reportedCacheWrite, int countedInput, int countedOutput, TokenSource countSource) {

    /** Counts from a provider that says nothing of cache writes. */
    public TokenCounts(Integer reportedInput, Integer reportedOutput, Integer reportedCached, int countedInput,
                       int countedOutput, TokenSource countSource) {
        this(reportedInput, reportedOutput, reportedCached, null, countedInput, countedOutput, countSource);
    }

    public int input() {
        return reportedInput != null ? reportedInput : countedInput;
    }

    public int output() {
        return reportedOutput != null ? reportedOutput : countedOutput;
    }

    public int cachedInput() {
        return reportedCached == null ? 0 : reportedCached;
    }

    /** Input tokens written to the prompt cache; part of {@link #input()}. */
    public int cacheWriteInput() {
        return reportedCacheWrite == null ? 0 : reportedCacheWrite;
    }

    public TokenSource inputSource() {
        return reportedInput != null ? TokenSource.REPORTED : countSource;
    }

    public TokenSource outputSource() {
        return reportedOutput != null ? TokenSource.REPORTED : countSource;
    }

    /**
     * True when our own count (used where the provider reported none) is an estimate rather than a tokenizer's
     * count, so the statistics can keep the two apart without knowing the providers' counters.
     */
    public boolean countEstimated() {
        return countSource != TokenSource.COUNTED;
    }
}
