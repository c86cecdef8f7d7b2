package dev.yardstick.cost.prices;

import dev.yardstick.config.InputException;

/**
 * A long-context price tier: once a request's prompt (every input token, cached ones included) is longer than
 * {@code above} tokens, the WHOLE request is billed at these rates, not just the tokens past the threshold. That is
 * how OpenAI, Google and xAI bill it. USD per million tokens; a missing cached-input or cache-write price means
 * those tokens cost this tier's input price.
 */
public record LongContextTier(Long above, Double input, Double cachedInput, Double cacheWrite, Double output) {

    public LongContextTier {
        if (above == null || above <= 0) {
            throw new InputException("long-context needs 'above', the prompt size in tokens past which it applies");
        }
        PriceRow.requirePrice("long-context input", input);
        PriceRow.requirePrice("long-context output", output);
        PriceRow.checkPrice("long-context cached-input", cachedInput);
        PriceRow.checkPrice("long-context cache-write", cacheWrite);
    }

    /** True when a prompt of this many tokens is billed at this tier. */
    public boolean appliesTo(double promptTokens) {
        return promptTokens > above;
    }

    Rates rates() {
        return new Rates(input, cachedInput == null ? input : cachedInput, cacheWrite == null ? input : cacheWrite,
                output);
    }
}
