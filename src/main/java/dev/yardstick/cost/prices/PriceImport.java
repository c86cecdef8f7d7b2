package dev.yardstick.cost.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.FileProblems;
import dev.yardstick.config.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code yardstick pricing import FILE}: reads LiteLLM's {@code model_prices_and_context_window.json}, models.dev's
 * {@code api.json} or OpenRouter's {@code /api/v1/models} (the format is recognised from the content), converts
 * their units to USD per million tokens, dates each row (the file's own date where the format has one, else
 * {@code --as-of}, else the file's modification time), and merges the rows into the user's override file, where
 * they win over the bundled catalog: never over a newer price without {@code --force} (see {@link PriceMerge}).
 */
public final class PriceImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The price lists Yardstick can import, and their units. */
    public enum Format {
        /** LiteLLM: model key → {@code input_cost_per_token}, ... in USD per token. No date in the file. */
        LITELLM("litellm"),
        /** models.dev: provider → {@code models} → {@code cost} in USD per million tokens; dated per model. */
        MODELS_DEV("models.dev"),
        /** OpenRouter: {@code data[]} with {@code pricing} as strings in USD per token. No date in the file. */
        OPENROUTER("openrouter");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What to take from the file, and how.
     *
     * @param asOf         the date the prices were true, for rows the file does not date; null: the file's time
     * @param provider     only this provider's rows ({@code openai}, {@code gemini}, ...), or null for all
     * @param force        replace prices in force even where they are newer than the import
     * @param skipInvalid  leave malformed entries out, each listed, instead of rejecting the file
     */
    public record Options(LocalDate asOf, String provider, boolean force, boolean skipInvalid) {
        public Options {
            if (asOf != null && asOf.isAfter(LocalDate.now())) {
                throw new InputException("--as-of " + asOf + " is in the future: give the date the prices were "
                        + "read");
            }
            provider = provider == null || provider.isBlank() ? null : ProviderNames.canonical(provider);
        }

        public Options(LocalDate asOf, String provider) {
            this(asOf, provider, false, false);
        }

        boolean wants(String label) {
            return provider == null || ProviderNames.provider(label).equals(provider);
        }
    }

    /**
     * What an import did: the rows read from {@code source}, how they merged into {@code target}, and the
     * malformed entries left out, one line each.
     */
    public record Imported(Path source, Path target, ImportedPrices prices, PriceMerge merge, List<String> malformed) {
    }

    private PriceImport() {
    }

    /** Reads a price list in any of the known formats; malformed entries are returned, not thrown. */
    public static ImportedPrices read(Path file, Options options) {
        JsonNode root = readJson(file);
        String name = file.getFileName().toString();
        ImportDate fallback = options.asOf() != null ? new ImportDate(options.asOf(), ImportDate.AS_OF_OPTION)
                : new ImportDate(modified(file), ImportDate.MODIFIED);
        return switch (detect(root, file)) {
            case LITELLM -> LiteLlmPrices.read(root, name, options, fallback);
            case MODELS_DEV -> ModelsDevPrices.read(root, name, options, fallback);
            case OPENROUTER -> OpenRouterPrices.read(root, name, options, fallback);
        };
    }

    /**
     * Reads {@code source} and merges its rows into the override file {@code target}. A malformed entry rejects
     * the file (naming the file, line, entry and field) unless {@link Options#skipInvalid()} is set.
     */
    public static Imported importInto(Path source, Path target, Options options) {
        if (Files.isDirectory(target)) {
            throw new InputException("cannot write price file " + target + ": it is a directory (name a YAML file)");
        }
        ImportedPrices imported = read(source, options);
        List<String> malformed = describe(source, imported.malformed());
        if (!malformed.isEmpty() && !options.skipInvalid()) {
            int more = malformed.size() - 1;
            throw new InputException(malformed.get(0) + (more == 0 ? "" : String.format(Locale.ROOT,
                    " (and %,d more malformed entries)", more)) + "; nothing imported (--skip-invalid imports the "
                    + "rest and lists what it skips)");
        }
        List<PriceRow> user = Files.isRegularFile(target) ? PriceFile.read(target, PriceOrigin.USER).prices()
                : List.of();
        PriceMerge merge = PriceMerge.of(imported.rows(), user, PriceFile.bundled().prices(), options.force());
        if (merge.changes()) {
            new PriceFile(merge.file()).write(target);
        }
        return new Imported(source, target, imported, merge, malformed);
    }

    /** Each malformed entry as one line with the file, the line of its value, the entry and the field. */
    private static List<String> describe(Path file, List<MalformedEntry> malformed) {
        Map<com.fasterxml.jackson.core.JsonPointer, Integer> lines = JsonLines.find(file,
                malformed.stream().map(MalformedEntry::at).collect(Collectors.toSet()));
        return malformed.stream().map(m -> m.describe(file.toString(), lines.getOrDefault(m.at(), 0))).toList();
    }

    private static LocalDate modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        } catch (IOException e) {
            throw new InputException("cannot read the modification time of " + file + ": " + FileProblems.reason(e)
                    + " (give --as-of DATE)");
        }
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
        if (Files.isDirectory(file)) {
            throw new InputException("cannot read " + file + ": it is a directory (name a price list, JSON)");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InputException.inFile(file.toString(), line, null, "not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw FileProblems.unreadable(file, e);
        }
    }
}
