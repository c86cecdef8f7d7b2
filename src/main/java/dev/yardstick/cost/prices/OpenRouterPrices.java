package dev.yardstick.cost.prices;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * OpenRouter's {@code /api/v1/models}: {@code data[]} with {@code id}, {@code context_length}, {@code pricing}
 * ({@code prompt}, {@code completion}, {@code input_cache_read}, {@code input_cache_write} as strings in USD per
 * token) and {@code top_provider.max_completion_tokens}. Rows are named {@code openrouter/<id>}, the name Yardstick
 * runs them under. Routers without a fixed price (negative prices) are left out. The list carries no date (its
 * {@code created} is when a model was added, not when its price was read) and no prompt limit apart from the
 * context window.
 */
final class OpenRouterPrices {

    private static final double PER_TOKEN = 1_000_000.0;
    private static final TokenPrices.Fields PRICES = new TokenPrices.Fields("pricing/prompt", "pricing/completion",
            "pricing/input_cache_read", "pricing/input_cache_write", PER_TOKEN);

    private OpenRouterPrices() {
    }

    static ImportedPrices read(JsonNode root, String fileName, PriceImport.Options options, ImportDate date) {
        ImportedRows rows = new ImportedRows(PriceImport.Format.OPENROUTER, entry -> date);
        JsonPointer data = JsonPointer.empty().appendProperty("data");
        int index = 0;
        for (JsonNode model : root.path("data")) {
            String id = model.path("id").asText("");
            rows.add(new PriceEntry(id.isEmpty() ? "data[" + index + "]" : id, data.appendIndex(index), model),
                    (e, d) -> row(e, d, fileName, options));
            index++;
        }
        return rows.result();
    }

    private static PriceRow row(PriceEntry entry, ImportDate date, String fileName, PriceImport.Options options) {
        String id = entry.text("id");
        if (id == null || id.isBlank()) {
            throw entry.malformed("id", "missing (every model needs its id)");
        }
        ImportedRows.wanted(options, "openrouter/" + id);
        Double prompt = entry.number("pricing/prompt");
        Double completion = entry.number("pricing/completion");
        if (prompt == null || completion == null) {
            throw ImportedRows.skip(TokenPrices.UNPRICED);
        }
        // read as numbers first: a router's -1 is no price at all, not a malformed one
        if (prompt < 0 || completion < 0) {
            throw ImportedRows.skip("no fixed price (a router that picks the model per request)");
        }
        TokenPrices prices = TokenPrices.required(entry, PRICES);
        return new PriceRow("openrouter/" + id, List.of(), prices.input(), prices.cachedInput(), prices.cacheWrite(),
                prices.output(), null, null, null, entry.limit("context_length"), null,
                entry.limit("top_provider/max_completion_tokens"), "OpenRouter " + fileName, date.date(), null);
    }
}
