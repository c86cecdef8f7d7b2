package dev.yardstick.cost.prices;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * models.dev's {@code api.json}: provider id → {@code models} → model id → {@code cost} in USD per million tokens
 * ({@code input}, {@code output}, {@code cache_read}, {@code cache_write}, long-context {@code tiers} or the older
 * {@code context_over_200k}), {@code limit} ({@code context}, {@code input}, {@code output}) and
 * {@code last_updated}, the day the model's entry (its prices included) last changed: the date its prices are
 * known true, taken as each row's as-of date.
 */
final class ModelsDevPrices {

    static final String LAST_UPDATED = "each model's last_updated in the file";
    private static final double PER_MILLION = 1.0;
    private static final long OLD_TIER_THRESHOLD = 200_000;
    private static final TokenPrices.Fields PRICES = new TokenPrices.Fields("input", "output", "cache_read",
            "cache_write", PER_MILLION);

    private ModelsDevPrices() {
    }

    static ImportedPrices read(JsonNode root, String fileName, PriceImport.Options options, ImportDate fallback) {
        ImportedRows rows = new ImportedRows(PriceImport.Format.MODELS_DEV, dating(fallback));
        for (Map.Entry<String, JsonNode> provider : root.properties()) {
            String providerName = ProviderNames.canonical(provider.getKey());
            JsonPointer models = JsonPointer.empty().appendProperty(provider.getKey()).appendProperty("models");
            for (Map.Entry<String, JsonNode> model : provider.getValue().path("models").properties()) {
                PriceEntry entry = new PriceEntry(provider.getKey() + "/" + model.getKey(),
                        models.appendProperty(model.getKey()), model.getValue());
                String label = providerName + "/" + model.getKey();
                rows.add(entry, (e, date) -> row(label, e, date, fileName, options));
            }
        }
        return rows.result();
    }

    /**
     * A model's {@code last_updated} where it has one ({@code 2025-08}, a month, counts from its first day: the
     * earlier date never makes a price look newer than it is), else the fallback.
     */
    private static Function<PriceEntry, ImportDate> dating(ImportDate fallback) {
        return entry -> {
            String text = entry.text("last_updated");
            if (text == null) {
                return fallback;
            }
            try {
                return new ImportDate(text.length() == 7 ? YearMonth.parse(text).atDay(1) : LocalDate.parse(text),
                        LAST_UPDATED);
            } catch (DateTimeParseException e) {
                throw entry.malformed("last_updated", "not a date (YYYY-MM-DD): \"" + text + "\"");
            }
        };
    }

    private static PriceRow row(String label, PriceEntry entry, ImportDate date, String fileName,
                                PriceImport.Options options) {
        ImportedRows.wanted(options, label);
        TokenPrices prices = TokenPrices.required(entry, PRICES.prefixed("cost/"));
        return new PriceRow(label, List.of(), prices.input(), prices.cachedInput(), prices.cacheWrite(),
                prices.output(), null, tier(entry), null, entry.limit("limit/context"), entry.limit("limit/input"),
                entry.limit("limit/output"), "models.dev " + fileName, date.date(), null);
    }

    /** The first of {@code tiers} (threshold {@code tier.size}), else the older {@code context_over_200k}. */
    private static LongContextTier tier(PriceEntry entry) {
        JsonNode tiers = entry.node().path("cost").path("tiers");
        if (tiers.isArray() && !tiers.isEmpty()) {
            Integer size = entry.limit("cost/tiers/0/tier/size");
            if (size != null) {
                return tier(entry, "cost/tiers/0/", size);
            }
        }
        return entry.node().path("cost").path("context_over_200k").isObject()
                ? tier(entry, "cost/context_over_200k/", OLD_TIER_THRESHOLD) : null;
    }

    private static LongContextTier tier(PriceEntry entry, String at, long above) {
        TokenPrices prices = TokenPrices.of(entry, PRICES.prefixed(at));
        return prices == null ? null : prices.above(above);
    }
}
