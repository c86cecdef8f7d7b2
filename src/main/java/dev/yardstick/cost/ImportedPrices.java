package dev.yardstick.cost;

import java.util.List;

/**
 * Rows read from another project's price list, and how many of its entries were left out (not priced per token:
 * images, audio, embeddings without output, routers with no fixed price; or not of the provider asked for).
 */
public record ImportedPrices(PriceImport.Format format, List<PriceRow> rows, int skipped) {

    public ImportedPrices {
        rows = List.copyOf(rows);
    }
}
