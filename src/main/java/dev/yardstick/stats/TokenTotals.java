package dev.yardstick.stats;

/**
 * Token sums over the successful requests of a model (the provider's reported usage where it sent one, our count
 * otherwise), with how many requests each source covered.
 *
 * @param input          input (prompt) tokens
 * @param output         generated tokens
 * @param cachedInput    input tokens the provider served from its prompt cache (reported only)
 * @param inputSources   where each request's input count came from
 * @param outputSources  where each request's output count came from
 */
public record TokenTotals(long input, long output, long cachedInput, SourceCounts inputSources,
                          SourceCounts outputSources) {

    public static final TokenTotals NONE = new TokenTotals(0, 0, 0, SourceCounts.NONE, SourceCounts.NONE);

    public TokenTotals plus(TokenTotals other) {
        return new TokenTotals(input + other.input, output + other.output, cachedInput + other.cachedInput,
                inputSources.plus(other.inputSources), outputSources.plus(other.outputSources));
    }
}
