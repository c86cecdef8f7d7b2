package dev.yardstick.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Token sums over the successful requests of a model (the provider's reported usage where it sent one, our count
 * otherwise), with how many requests each source covered.
 *
 * @param input          input (prompt) tokens
 * @param output         generated tokens
 * @param cachedInput    input tokens the provider served from its prompt cache (reported only)
 * @param inputSources   where each request's input count came from
 * @param outputSources  where each request's output count came from
 * @param reasoning      reasoning (thinking) tokens, part of {@code output}: the rest is visible output
 * @param reasoningSources where each reasoning count came from, over the requests that reasoned
 */
public record TokenTotals(long input, long output, long cachedInput, SourceCounts inputSources,
                          SourceCounts outputSources,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) long reasoning,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoSources.class)
                          SourceCounts reasoningSources) {

    public static final TokenTotals NONE = new TokenTotals(0, 0, 0, SourceCounts.NONE, SourceCounts.NONE);

    public TokenTotals {
        reasoningSources = reasoningSources == null ? SourceCounts.NONE : reasoningSources; // reports before reasoning
    }

    /** Totals of requests none of which reasoned. */
    public TokenTotals(long input, long output, long cachedInput, SourceCounts inputSources,
                       SourceCounts outputSources) {
        this(input, output, cachedInput, inputSources, outputSources, 0, SourceCounts.NONE);
    }

    /** Output tokens a reader saw: every generated token but the reasoning ones. */
    public long visibleOutput() {
        return output - reasoning;
    }

    public TokenTotals plus(TokenTotals other) {
        return new TokenTotals(input + other.input, output + other.output, cachedInput + other.cachedInput,
                inputSources.plus(other.inputSources), outputSources.plus(other.outputSources),
                reasoning + other.reasoning, reasoningSources.plus(other.reasoningSources));
    }

    /** Leaves the reasoning sources out of a report where no request reasoned, so such reports read as before. */
    static final class NoSources {
        @Override
        public boolean equals(Object value) {
            return value == null || SourceCounts.NONE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
