package dev.yardstick.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code yardstick pricing import FILE}: reads LiteLLM's {@code model_prices_and_context_window.json}, models.dev's
 * {@code api.json} or OpenRouter's {@code /api/v1/models} (the format is recognised from the content), converts
 * their units to USD per million tokens, and merges the rows into the user's override file, where they win over
 * the bundled catalog.
 */
public final class PriceImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The price lists Yardstick can import, and their units. */
    public enum Format {
        /** LiteLLM: model key → {@code input_cost_per_token}, ... in USD per token. */
        LITELLM,
        /** models.dev: provider → {@code models} → {@code cost} in USD per million tokens. */
        MODELS_DEV,
        /** OpenRouter: {@code data[]} with {@code pricing} as strings in USD per token. */
        OPENROUTER
    }

    /**
     * What to take from the file.
     *
     * @param asOf      the date the prices were true (the files do not say); today when null
     * @param provider  only this provider's rows ({@code openai}, {@code gemini}, ...), or null for all
     */
    public record Options(LocalDate asOf, String provider) {
        public Options {
            asOf = asOf == null ? LocalDate.now() : asOf;
            provider = provider == null || provider.isBlank() ? null : ProviderNames.canonical(provider);
        }

        boolean wants(String label) {
            return provider == null || ProviderNames.provider(label).equals(provider);
        }
    }

    /** What an import changed in the override file. */
    public record Result(Path file, Format format, int added, int replaced, int kept, int skipped) {
    }

    private PriceImport() {
    }

    /** Reads a price list in any of the known formats. */
    public static ImportedPrices read(Path file, Options options) {
        JsonNode root = readJson(file);
        String name = file.getFileName().toString();
        return switch (detect(root, file)) {
            case LITELLM -> LiteLlmPrices.read(root, name, options);
            case MODELS_DEV -> ModelsDevPrices.read(root, name, options);
            case OPENROUTER -> OpenRouterPrices.read(root, name, options);
        };
    }

    /** Reads {@code source} and merges its rows into the override file {@code target}; imported rows win. */
    public static Result importInto(Path source, Path target, Options options) {
        ImportedPrices imported = read(source, options);
        Map<String, PriceRow> rows = new LinkedHashMap<>();
        if (Files.isRegularFile(target)) {
            PriceFile.read(target, PriceOrigin.USER).prices().forEach(row -> rows.put(row.key(), row));
        }
        int before = rows.size();
        int replaced = 0;
        for (PriceRow row : imported.rows()) {
            if (rows.put(row.key(), row) != null) {
                replaced++;
            }
        }
        int added = rows.size() - before;
        new PriceFile(rows.values().stream().sorted(Comparator.comparing(PriceRow::key)).toList()).write(target);
        return new Result(target, imported.format(), added, replaced, before - replaced, imported.skipped());
    }

    static Format detect(JsonNode root, Path file) {
        if (root.isObject() && root.path("data").isArray()) {
            return Format.OPENROUTER;
        }
        if (root.isObject()) {
            for (JsonNode entry : (Iterable<JsonNode>) root::elements) {
                if (entry.path("models").isObject()) {
                    return Format.MODELS_DEV;
                }
                if (entry.has("input_cost_per_token") || entry.has("litellm_provider")) {
                    return Format.LITELLM;
                }
            }
        }
        throw new InputException(file + ": not a price list Yardstick knows (expected LiteLLM's "
                + "model_prices_and_context_window.json, models.dev's api.json or OpenRouter's /api/v1/models)");
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InputException.inFile(file.toString(), line, null, "not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new InputException("file not found: " + file);
            }
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A price in USD per million tokens from a JSON number or numeric string in the file's own unit. */
    static Double perMillion(JsonNode node, double unitsPerMillion) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        // Per-token prices are tiny binary fractions: round to 10 significant digits so 1.75e-06 gives 1.75.
        return value < 0 ? null : new java.math.BigDecimal(value * unitsPerMillion)
                .round(new java.math.MathContext(10)).doubleValue();
    }

    /**
     * A cache price of zero in these lists means "no cache price" far more often than "free" (models without
     * caching list 0), and a free cache would understate the cost; so zero becomes null: billed as input.
     */
    static Double cachePrice(Double price) {
        return price == null || price == 0 ? null : price;
    }

    /** A positive token limit, or null for zero, absent or nonsense. */
    static Integer limit(JsonNode node) {
        return node != null && node.canConvertToInt() && node.asInt() > 0 ? node.asInt() : null;
    }

    /** Keeps the first row for each name (the files list some models twice, under two keys). */
    static ImportedPrices collect(Format format, List<PriceRow> rows, int skipped) {
        Map<String, PriceRow> unique = new LinkedHashMap<>();
        int duplicates = 0;
        for (PriceRow row : rows) {
            if (unique.putIfAbsent(row.key(), row) != null) {
                duplicates++;
            }
        }
        return new ImportedPrices(format, List.copyOf(unique.values()), skipped + duplicates);
    }
}
