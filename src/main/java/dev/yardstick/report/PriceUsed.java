package dev.yardstick.report;

/**
 * The price row a cost was computed with, kept in the report because prices change: USD per million tokens, where
 * it came from and as of when.
 */
public record PriceUsed(String model, double inputPerMillion, Double cachedInputPerMillion,
                        double outputPerMillion, String source, String asOf) {
}
