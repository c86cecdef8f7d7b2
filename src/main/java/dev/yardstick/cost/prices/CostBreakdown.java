package dev.yardstick.cost.prices;

/**
 * What some tokens cost under one price row, split as the price is. USD.
 *
 * @param price        the row the cost was computed with (its source and date travel with every cost)
 * @param usage        the tokens priced
 * @param input        uncached input
 * @param cachedInput  input read from the prompt cache
 * @param cacheWrite   input written to the prompt cache
 * @param output       output
 * @param longContext  true when the prompt's size put the whole request in the long-context tier
 * @param batch        true when the batch discount was applied
 */
public record CostBreakdown(PriceRow price, TokenUsage usage, double input, double cachedInput, double cacheWrite,
                            double output, boolean longContext, boolean batch) {

    public double total() {
        return input + cachedInput + cacheWrite + output;
    }
}
