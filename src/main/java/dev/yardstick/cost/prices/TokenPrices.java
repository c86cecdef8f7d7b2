package dev.yardstick.cost.prices;

/**
 * The four token prices an imported entry gives, in USD per million tokens: input and output (both needed for the
 * model to be priced per token), and the cache read and write prices, where a zero means none. The importers of
 * every format read them, for a model and for its long-context tier, by this one rule.
 */
record TokenPrices(double input, Double cachedInput, Double cacheWrite, double output) {

    /** The reason a model without both token prices is counted under. */
    static final String UNPRICED = "not priced per token";

    /** The field names of one format's four prices, and the file's unit (how many make a per-million price). */
    record Fields(String input, String output, String cacheRead, String cacheWrite, double unitsPerMillion) {

        /** The same fields with {@code suffix} after each name (LiteLLM's {@code _above_200k_tokens}). */
        Fields suffixed(String suffix) {
            return new Fields(input + suffix, output + suffix, cacheRead + suffix, cacheWrite + suffix,
                    unitsPerMillion);
        }

        /** The same fields with {@code prefix} before each name (models.dev's {@code cost/tiers/0/}). */
        Fields prefixed(String prefix) {
            return new Fields(prefix + input, prefix + output, prefix + cacheRead, prefix + cacheWrite,
                    unitsPerMillion);
        }
    }

    /**
     * The entry's prices; null when its input or output price is missing, in which case its cache prices are not
     * read (a model not priced per token is skipped, whatever its cache fields hold).
     */
    static TokenPrices of(PriceEntry entry, Fields fields) {
        Double input = entry.price(fields.input(), fields.unitsPerMillion());
        Double output = entry.price(fields.output(), fields.unitsPerMillion());
        if (input == null || output == null) {
            return null;
        }
        return new TokenPrices(input, cachePrice(entry.price(fields.cacheRead(), fields.unitsPerMillion())),
                cachePrice(entry.price(fields.cacheWrite(), fields.unitsPerMillion())), output);
    }

    /** As {@link #of}, where an entry without both prices is skipped as not priced per token. */
    static TokenPrices required(PriceEntry entry, Fields fields) {
        TokenPrices prices = of(entry, fields);
        if (prices == null) {
            throw ImportedRows.skip(UNPRICED);
        }
        return prices;
    }

    /** These prices above {@code above} input tokens. */
    LongContextTier above(long above) {
        return new LongContextTier(above, input, cachedInput, cacheWrite, output);
    }

    /**
     * A cache price of zero in these lists means "no cache price" far more often than "free" (models without
     * caching list 0), and a free cache would understate the cost; so zero becomes null: billed as input.
     */
    private static Double cachePrice(Double price) {
        return price == null || price == 0 ? null : price;
    }
}
