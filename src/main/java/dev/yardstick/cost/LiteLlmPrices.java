package dev.yardstick.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's {@code model_prices_and_context_window.json}: one entry per model key, prices in USD per token
 * ({@code input_cost_per_token}, {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost},
 * {@code *_batches}, {@code *_above_200k_tokens}), {@code litellm_provider}, {@code max_input_tokens},
 * {@code max_output_tokens} and {@code mode}. Only text models priced per token are taken.
 */
final class LiteLlmPrices {

    private static final double PER_TOKEN = 1_000_000.0;
    private static final Set<String> TEXT_MODES = Set.of("chat", "completion", "responses");
    private static final Pattern TIER_KEY = Pattern.compile("input_cost_per_token_above_(\\d+)k_tokens");

    private LiteLlmPrices() {
    }

    static ImportedPrices read(JsonNode root, String fileName, PriceImport.Options options) {
        List<PriceRow> rows = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            PriceRow row = row(entry.getKey(), entry.getValue(), fileName, options);
            if (row == null || !options.wants(row.model())) {
                skipped++;
            } else {
                rows.add(row);
            }
        }
        return PriceImport.collect(PriceImport.Format.LITELLM, rows, skipped);
    }

    private static PriceRow row(String key, JsonNode entry, String fileName, PriceImport.Options options) {
        String mode = entry.path("mode").asText("");
        String provider = entry.path("litellm_provider").asText("");
        Double input = PriceImport.perMillion(entry.get("input_cost_per_token"), PER_TOKEN);
        Double output = PriceImport.perMillion(entry.get("output_cost_per_token"), PER_TOKEN);
        if (!TEXT_MODES.contains(mode) || provider.isEmpty() || input == null || output == null) {
            return null;
        }
        String source = "LiteLLM " + fileName + (entry.hasNonNull("source") ? "; " + entry.get("source").asText()
                : "");
        try {
            return new PriceRow(label(key, provider), List.of(), input,
                    PriceImport.cachePrice(PriceImport.perMillion(entry.get("cache_read_input_token_cost"),
                            PER_TOKEN)),
                    PriceImport.cachePrice(PriceImport.perMillion(entry.get("cache_creation_input_token_cost"),
                            PER_TOKEN)),
                    output, batchDiscount(entry, input), tier(entry), null,
                    PriceImport.limit(entry.get("max_input_tokens")),
                    null, PriceImport.limit(entry.get("max_output_tokens")), source, options.asOf(), null);
        } catch (InputException e) {
            return null; // an entry our rows cannot hold (a malformed key, a negative price): left out, counted
        }
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
    private static Double batchDiscount(JsonNode entry, double input) {
        Double batch = PriceImport.perMillion(entry.get("input_cost_per_token_batches"), PER_TOKEN);
        if (batch == null || input <= 0 || batch > input) {
            return null;
        }
        double discount = 1 - batch / input;
        return discount > 0 && discount < 1 ? Math.round(discount * 1e6) / 1e6 : null;
    }

    /** The lowest {@code *_above_Nk_tokens} threshold that prices both input and output. */
    private static LongContextTier tier(JsonNode entry) {
        LongContextTier lowest = null;
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            Matcher m = TIER_KEY.matcher(field.getKey());
            if (!m.matches()) {
                continue;
            }
            String suffix = "_above_" + m.group(1) + "k_tokens";
            Double input = PriceImport.perMillion(entry.get("input_cost_per_token" + suffix), PER_TOKEN);
            Double output = PriceImport.perMillion(entry.get("output_cost_per_token" + suffix), PER_TOKEN);
            long above = Long.parseLong(m.group(1)) * 1000;
            if (input == null || output == null || (lowest != null && lowest.above() <= above)) {
                continue;
            }
            lowest = new LongContextTier(above, input,
                    PriceImport.cachePrice(PriceImport.perMillion(entry.get("cache_read_input_token_cost" + suffix),
                            PER_TOKEN)),
                    PriceImport.cachePrice(PriceImport.perMillion(
                            entry.get("cache_creation_input_token_cost" + suffix), PER_TOKEN)),
                    output);
        }
        return lowest;
    }
}
