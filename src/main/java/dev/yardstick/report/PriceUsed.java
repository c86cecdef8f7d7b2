package dev.yardstick.report;

import dev.yardstick.cost.prices.PriceOrigin;
import dev.yardstick.cost.prices.PriceRow;

/**
 * The price row a cost was computed with, kept in the report because prices change: USD per million tokens, where
 * it came from and as of when. {@code priced} is false for local and mock models nobody priced: they count as
 * zero, which no output may present as a real price.
 */
public record PriceUsed(String model, double inputPerMillion, Double cachedInputPerMillion,
                        double outputPerMillion, String source, String asOf, boolean priced) {

    /** The row as a report cites it. */
    public static PriceUsed of(PriceRow row) {
        return new PriceUsed(row.model(), row.input(), row.cachedInput(), row.output(), row.source(),
                row.asOf() == null ? null : row.asOf().toString(), row.origin() != PriceOrigin.UNPRICED);
    }

    /** One line for a report's notes. */
    public String describe() {
        if (!priced) {
            return model + ": not priced, counted as $0 (price it in the config file, per token or per hour)";
        }
        return model + ": $" + Formats.number(inputPerMillion, 3) + " in"
                + (cachedInputPerMillion == null ? "" : " / $" + Formats.number(cachedInputPerMillion, 3) + " cached")
                + " / $" + Formats.number(outputPerMillion, 3) + " out per 1M tokens (" + source
                + (asOf == null ? "" : ", as of " + asOf) + ")";
    }
}
