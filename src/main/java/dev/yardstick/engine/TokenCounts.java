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
 * @param reportedReasoning the provider's reasoning (thinking) tokens, part of its output tokens; null when it did not
 *                        say (OpenAI {@code completion_tokens_details.reasoning_tokens}, Gemini
 *                        {@code thoughtsTokenCount}; Anthropic folds thinking into its output without a count)
 * @param countedReasoning our count of the streamed reasoning text with {@code countSource}'s tokenizer; 0 when none
 *                        streamed or it was not counted
 */
public record TokenCounts(Integer reportedInput, Integer reportedOutput, Integer reportedCached,
                          Integer reportedCacheWrite, int countedInput, int countedOutput, TokenSource countSource,
                          Integer reportedReasoning, int countedReasoning) {

    /** Counts of a request that carried no reasoning. */
    public TokenCounts(Integer reportedInput, Integer reportedOutput, Integer reportedCached,
                       Integer reportedCacheWrite, int countedInput, int countedOutput, TokenSource countSource) {
        this(reportedInput, reportedOutput, reportedCached, reportedCacheWrite, countedInput, countedOutput,
                countSource, null, 0);
    }

    /** Counts from a provider that says nothing of cache writes. */
    public TokenCounts(Integer reportedInput, Integer reportedOutput, Integer reportedCached, int countedInput,
                       int countedOutput, TokenSource countSource) {
        this(reportedInput, reportedOutput, reportedCached, null, countedInput, countedOutput, countSource);
    }

    public int input() {
        return reportedInput != null ? reportedInput : countedInput;
    }

    /**
     * Every generated token, reasoning included: what the provider bills as output, and what TPOT and the output
     * rates count. Our own count (used where the provider reported none) adds the reasoning text's count to the
     * visible text's.
     */
    public int output() {
        return reportedOutput != null ? reportedOutput : countedOutput + countedReasoning;
    }

    /** Reasoning (thinking) tokens: the provider's count where it gave one, else ours of the reasoning text. */
    public int reasoning() {
        return reportedReasoning != null ? reportedReasoning : countedReasoning;
    }

    /** Visible output tokens: every generated token but the reasoning ones. */
    public int visibleOutput() {
        return Math.max(0, output() - reasoning());
    }

    public TokenSource reasoningSource() {
        return reportedReasoning != null ? TokenSource.REPORTED : countSource;
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
