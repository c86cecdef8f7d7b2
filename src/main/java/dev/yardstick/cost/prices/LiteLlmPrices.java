package dev.yardstick.cost.prices;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's {@code model_prices_and_context_window.json}: one entry per model key, prices in USD per token
 * ({@code input_cost_per_token}, {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost},
 * {@code *_batches}, {@code *_above_200k_tokens}), {@code litellm_provider}, {@code max_input_tokens},
 * {@code max_output_tokens} and {@code mode}. Only text models priced per token are taken. The file carries no
 * date, and no total context window: {@code max_input_tokens} is the prompt limit.
 */
final class LiteLlmPrices {

    private static final double PER_TOKEN = 1_000_000.0;
    private static final Set<String> TEXT_MODES = Set.of("chat", "completion", "responses");
    private static final Pattern TIER_KEY = Pattern.compile("input_cost_per_token_above_(\\d{1,9})k_tokens");
    private static final TokenPrices.Fields PRICES = new TokenPrices.Fields("input_cost_per_token",
            "output_cost_per_token", "cache_read_input_token_cost", "cache_creation_input_token_cost", PER_TOKEN);

    private LiteLlmPrices() {
    }

    static ImportedPrices read(JsonNode root, String fileName, PriceImport.Options options, ImportDate date) {
        ImportedRows rows = new ImportedRows(PriceImport.Format.LITELLM, entry -> date);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            rows.add(new PriceEntry(entry.getKey(), JsonPointer.empty().appendProperty(entry.getKey()),
                    entry.getValue()), (e, d) -> row(e, d, fileName, options));
        }
        return rows.result();
    }

    private static PriceRow row(PriceEntry entry, ImportDate date, String fileName, PriceImport.Options options) {
        if (!entry.node().isObject() || !TEXT_MODES.contains(String.valueOf(entry.text("mode")))) {
            throw ImportedRows.skip("not a text model (image, audio, embedding, ...)");
        }
        String provider = entry.text("litellm_provider");
        if (provider == null || provider.isBlank()) {
            throw entry.malformed("litellm_provider", "missing (every model needs its provider)");
        }
        String label = label(entry.name(), provider);
        ImportedRows.wanted(options, label);
        TokenPrices prices = TokenPrices.required(entry, PRICES);
        String source = "LiteLLM " + fileName + (entry.has("source") ? "; " + entry.text("source") : "");
        return new PriceRow(label, List.of(), prices.input(), prices.cachedInput(), prices.cacheWrite(),
                prices.output(), batchDiscount(entry, prices.input()), tier(entry), null, null,
                entry.limit("max_input_tokens"), entry.limit("max_output_tokens"), source, date.date(), null);
    }

    /**
     * Yardstick's name: LiteLLM's provider made canonical, then the key without its own provider prefix
     * ({@code gemini/gemini-2.5-pro} → {@code gemini/gemini-2.5-pro}, {@code gpt-4o} → {@code openai/gpt-4o}).
     */
    static String label(String key, String litellmProvider) {
        String provider = ProviderNames.canonical(litellmProvider.startsWith("vertex_ai") ? "vertex_ai"
                : litellmProvider.startsWith("bedrock") ? "bedrock" : litellmProvider);
        String model = key;
        int slash = key.indexOf('/');
        if (slash > 0) {
            String prefix = key.substring(0, slash);
            if (prefix.equals(litellmProvider) || ProviderNames.canonical(prefix).equals(provider)) {
                model = key.substring(slash + 1);
            }
        }
        return provider + "/" + model;
    }

    /** LiteLLM gives batch prices, not a discount: the discount is what the batch input price saves. */
    private static Double batchDiscount(PriceEntry entry, double input) {
        Double batch = entry.price("input_cost_per_token_batches", PER_TOKEN);
        if (batch == null || input <= 0 || batch > input) {
            return null;
        }
        double discount = 1 - batch / input;
        return discount > 0 && discount < 1 ? Math.round(discount * 1e6) / 1e6 : null;
    }

    /** The lowest {@code *_above_Nk_tokens} threshold that prices both input and output. */
    private static LongContextTier tier(PriceEntry entry) {
        LongContextTier lowest = null;
        for (Map.Entry<String, JsonNode> field : entry.node().properties()) {
            Matcher m = TIER_KEY.matcher(field.getKey());
            if (!m.matches()) {
                continue;
            }
            TokenPrices prices = TokenPrices.of(entry, PRICES.suffixed("_above_" + m.group(1) + "k_tokens"));
            long above = Long.parseLong(m.group(1)) * 1000;
            if (prices == null || above == 0 || (lowest != null && lowest.above() <= above)) {
                continue;
            }
            lowest = prices.above(above);
        }
        return lowest;
    }
}
