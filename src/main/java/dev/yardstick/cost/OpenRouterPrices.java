package dev.yardstick.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenRouter's {@code /api/v1/models}: {@code data[]} with {@code id}, {@code context_length}, {@code pricing}
 * ({@code prompt}, {@code completion}, {@code input_cache_read}, {@code input_cache_write} as strings in USD per
 * token) and {@code top_provider.max_completion_tokens}. Rows are named {@code openrouter/<id>}, the name Yardstick
 * runs them under. Routers without a fixed price (negative prices) are left out.
 */
final class OpenRouterPrices {

    private static final double PER_TOKEN = 1_000_000.0;

    private OpenRouterPrices() {
    }

    static ImportedPrices read(JsonNode root, String fileName, PriceImport.Options options) {
        List<PriceRow> rows = new ArrayList<>();
        int skipped = 0;
        for (JsonNode model : root.path("data")) {
            PriceRow row = row(model, fileName, options);
            if (row == null || !options.wants(row.model())) {
                skipped++;
            } else {
                rows.add(row);
            }
        }
        return PriceImport.collect(PriceImport.Format.OPENROUTER, rows, skipped);
    }

    private static PriceRow row(JsonNode model, String fileName, PriceImport.Options options) {
        String id = model.path("id").asText("");
        JsonNode pricing = model.path("pricing");
        Double input = PriceImport.perMillion(pricing.get("prompt"), PER_TOKEN);
        Double output = PriceImport.perMillion(pricing.get("completion"), PER_TOKEN);
        if (id.isEmpty() || input == null || output == null) {
            return null;
        }
        try {
            return new PriceRow("openrouter/" + id, List.of(), input,
                    PriceImport.cachePrice(PriceImport.perMillion(pricing.get("input_cache_read"), PER_TOKEN)),
                    PriceImport.cachePrice(PriceImport.perMillion(pricing.get("input_cache_write"), PER_TOKEN)),
                    output, null, null, null, PriceImport.limit(model.get("context_length")), null,
                    PriceImport.limit(model.path("top_provider").get("max_completion_tokens")),
                    "OpenRouter " + fileName, options.asOf(), null);
        } catch (InputException e) {
            return null;
        }
    }
}
