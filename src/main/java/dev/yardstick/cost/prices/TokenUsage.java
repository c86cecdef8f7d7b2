package dev.yardstick.cost.prices;

import dev.yardstick.engine.TokenCounts;

/**
 * The tokens of one request (or the expected tokens of an average one, hence doubles), split the way prices are:
 * input not from the cache, input read from the cache, input written to the cache, output. Providers report
 * cached tokens in two conventions, and the factories put both on this one footing:
 * <ul>
 * <li>{@link #includingCached}: OpenAI, Gemini, DeepSeek and most OpenAI-compatible hosts, whose
 * {@code prompt_tokens} already contain the cached tokens;</li>
 * <li>{@link #separate}: Anthropic, whose {@code input_tokens} exclude cache reads and cache writes.</li>
 * </ul>
 */
public record TokenUsage(double uncachedInput, double cachedInput, double cacheWrite, double output) {

    public TokenUsage {
        check("uncached input", uncachedInput);
        check("cached input", cachedInput);
        check("cache write", cacheWrite);
        check("output", output);
    }

    /** OpenAI's convention: {@code promptTokens} counts every input token, the {@code cached} ones among them. */
    public static TokenUsage includingCached(double promptTokens, double cached, double output) {
        if (cached > promptTokens) {
            throw new IllegalArgumentException("cached tokens (" + cached + ") exceed the prompt (" + promptTokens
                    + ") although the prompt is said to include them");
        }
        return new TokenUsage(promptTokens - cached, cached, 0, output);
    }

    /** Anthropic's convention: {@code input} excludes the cache reads and the cache writes, given apart. */
    public static TokenUsage separate(double input, double cacheRead, double cacheWrite, double output) {
        return new TokenUsage(input, cacheRead, cacheWrite, output);
    }

    /**
     * A request's counts from the engine, which already puts every provider on OpenAI's footing (input includes
     * cache reads and cache writes): reads and writes are taken out of the input and billed at their own rates.
     * The output includes the request's reasoning tokens, which every provider bills as output.
     */
    public static TokenUsage of(TokenCounts counts) {
        int input = counts.input();
        int cached = Math.min(counts.cachedInput(), input);
        int written = Math.min(counts.cacheWriteInput(), input - cached);
        return separate(input - cached - written, cached, written, counts.output());
    }

    /** Every input token, cached or not: the size that picks a long-context tier. */
    public double promptTokens() {
        return uncachedInput + cachedInput + cacheWrite;
    }

    private static void check(String what, double value) {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException(what + " tokens must not be negative, got " + value);
        }
    }
}
