package dev.yardstick.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * models.dev's {@code api.json}: provider id → {@code models} → model id → {@code cost} in USD per million tokens
 * ({@code input}, {@code output}, {@code cache_read}, {@code cache_write}, long-context {@code tiers} or the older
 * {@code context_over_200k}) and {@code limit} ({@code context}, {@code input}, {@code output}).
 */
final class ModelsDevPrices {

    private static final double PER_MILLION = 1.0;
    private static final long OLD_TIER_THRESHOLD = 200_000;

    private ModelsDevPrices() {
    }

    static ImportedPrices read(JsonNode root, String fileName, PriceImport.Options options) {
        List<PriceRow> rows = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, JsonNode> provider : root.properties()) {
            String providerName = ProviderNames.canonical(provider.getKey());
            for (Map.Entry<String, JsonNode> model : provider.getValue().path("models").properties()) {
                PriceRow row = row(providerName + "/" + model.getKey(), model.getValue(), fileName, options);
                if (row == null || !options.wants(row.model())) {
                    skipped++;
                } else {
                    rows.add(row);
                }
            }
        }
        return PriceImport.collect(PriceImport.Format.MODELS_DEV, rows, skipped);
    }

    private static PriceRow row(String label, JsonNode model, String fileName, PriceImport.Options options) {
        JsonNode cost = model.path("cost");
        Double input = PriceImport.perMillion(cost.get("input"), PER_MILLION);
        Double output = PriceImport.perMillion(cost.get("output"), PER_MILLION);
        if (input == null || output == null) {
            return null;
        }
        JsonNode limit = model.path("limit");
        try {
            return new PriceRow(label, List.of(), input,
                    PriceImport.cachePrice(PriceImport.perMillion(cost.get("cache_read"), PER_MILLION)),
                    PriceImport.cachePrice(PriceImport.perMillion(cost.get("cache_write"), PER_MILLION)),
                    output, null, tier(cost), null, PriceImport.limit(limit.get("context")),
                    PriceImport.limit(limit.get("input")), PriceImport.limit(limit.get("output")),
                    "models.dev " + fileName, options.asOf(), null);
        } catch (InputException e) {
            return null;
        }
    }

    /** The first of {@code tiers} (threshold {@code tier.size}), else the older {@code context_over_200k}. */
    private static LongContextTier tier(JsonNode cost) {
        JsonNode tiers = cost.path("tiers");
        if (tiers.isArray() && !tiers.isEmpty()) {
            JsonNode first = tiers.get(0);
            JsonNode size = first.path("tier").path("size");
            if (size.canConvertToLong() && size.asLong() > 0) {
                return tier(first, size.asLong());
            }
        }
        JsonNode old = cost.path("context_over_200k");
        return old.isObject() ? tier(old, OLD_TIER_THRESHOLD) : null;
    }

    private static LongContextTier tier(JsonNode prices, long above) {
        Double input = PriceImport.perMillion(prices.get("input"), PER_MILLION);
        Double output = PriceImport.perMillion(prices.get("output"), PER_MILLION);
        if (input == null || output == null) {
            return null;
        }
        return new LongContextTier(above, input,
                PriceImport.cachePrice(PriceImport.perMillion(prices.get("cache_read"), PER_MILLION)),
                PriceImport.cachePrice(PriceImport.perMillion(prices.get("cache_write"), PER_MILLION)), output);
    }
}
