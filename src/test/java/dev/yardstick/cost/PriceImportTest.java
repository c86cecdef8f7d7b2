package dev.yardstick.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.YardstickConfig;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceImportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 7, 2);
    private static final PriceImport.Options ALL = new PriceImport.Options(DAY, null);
    /** The real snapshots the bundled catalog was curated from, next to the project. */
    private static final Path SHARED = Path.of("..", "shared", "data", "prices");

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PriceImportTest.class.getResource(name).toURI());
    }

    private static Map<String, PriceRow> byName(ImportedPrices imported) {
        return imported.rows().stream().collect(Collectors.toMap(PriceRow::model, Function.identity()));
    }

    @Test
    void liteLlmPricesPerTokenBecomePerMillionWithCachesBatchAndTiers() throws Exception {
        ImportedPrices imported = PriceImport.read(resource("litellm-fragment.json"), ALL);
        assertEquals(PriceImport.Format.LITELLM, imported.format());
        Map<String, PriceRow> rows = byName(imported);
        assertEquals(5, rows.size(), rows.keySet().toString());
        assertEquals(3, imported.skipped(), "sample_spec, an image model and an embedding model");

        PriceRow mini = rows.get("openai/gpt-4o-mini");
        assertEquals(0.15, mini.input());           // 1.5e-07 per token
        assertEquals(0.075, mini.cachedInput());
        assertEquals(0.60, mini.output());
        assertEquals(0.5, mini.batchDiscount());    // batches at 7.5e-08 against 1.5e-07
        assertEquals(128_000, mini.contextWindow());
        assertEquals(16_384, mini.maxOutput());
        assertEquals(DAY, mini.asOf());
        assertTrue(mini.source().startsWith("LiteLLM litellm-fragment.json"));

        PriceRow sonnet = rows.get("anthropic/claude-sonnet-4-5-20250929");
        assertEquals(3.75, sonnet.cacheWrite());
        assertEquals(200_000L, sonnet.longContext().above());
        assertEquals(6.0, sonnet.longContext().input());
        assertEquals(22.5, sonnet.longContext().output());
        assertEquals(0.6, sonnet.longContext().cachedInput());
        assertEquals(7.5, sonnet.longContext().cacheWrite());

        assertTrue(rows.containsKey("gemini/gemini-2.5-flash"), "the provider prefix is not doubled");
        assertTrue(rows.get("gemini/gemini-2.5-flash").source().endsWith("https://ai.google.dev/pricing"));
        assertNull(rows.get("deepseek/deepseek-chat").cacheWrite(), "a zero cache-write price means none");
        assertTrue(rows.containsKey("together/meta-llama/Llama-3.3-70B-Instruct-Turbo"));
    }

    @Test
    void modelsDevPricesPerMillionWithTiersAndLimits() throws Exception {
        ImportedPrices imported = PriceImport.read(resource("models-dev-fragment.json"), ALL);
        assertEquals(PriceImport.Format.MODELS_DEV, imported.format());
        Map<String, PriceRow> rows = byName(imported);
        PriceRow gpt52 = rows.get("openai/gpt-5.2");
        assertEquals(1.75, gpt52.input());
        assertEquals(14.00, gpt52.output());
        assertEquals(0.175, gpt52.cachedInput());
        assertEquals(400_000, gpt52.contextWindow());
        assertEquals(272_000, gpt52.maxInput());
        assertEquals(128_000, gpt52.maxOutput());
        PriceRow gpt54 = rows.get("openai/gpt-5.4");
        assertEquals(272_000L, gpt54.longContext().above());
        assertEquals(22.5, gpt54.longContext().output());
        PriceRow sonnet = rows.get("anthropic/claude-sonnet-4-0");
        assertEquals(200_000L, sonnet.longContext().above(), "the older context_over_200k form");
        assertEquals(7.5, sonnet.longContext().cacheWrite());
        assertTrue(rows.containsKey("gemini/gemini-2.5-flash-lite"), "google is Yardstick's gemini");
        assertEquals(1, imported.skipped(), "the image model without token prices");
    }

    @Test
    void openRouterPricesPerTokenStringsAndSkipsRoutersWithoutAPrice() throws Exception {
        ImportedPrices imported = PriceImport.read(resource("openrouter-fragment.json"), ALL);
        assertEquals(PriceImport.Format.OPENROUTER, imported.format());
        Map<String, PriceRow> rows = byName(imported);
        assertEquals(Set.of("openrouter/openai/gpt-5.2", "openrouter/anthropic/claude-haiku-4.5"), rows.keySet());
        PriceRow haiku = rows.get("openrouter/anthropic/claude-haiku-4.5");
        assertEquals(1.0, haiku.input());
        assertEquals(0.1, haiku.cachedInput());
        assertEquals(1.25, haiku.cacheWrite());
        assertEquals(64_000, haiku.maxOutput());
        assertEquals(1, imported.skipped());
    }

    @Test
    void theRealSnapshotsPinKnownRows() {
        assumeTrue(Files.isDirectory(SHARED), "the shared price snapshots are next to the project");
        Map<String, PriceRow> modelsDev = byName(PriceImport.read(SHARED.resolve("models.dev-api.json"), ALL));
        PriceRow gpt52 = modelsDev.get("openai/gpt-5.2");
        assertEquals(1.75, gpt52.input());
        assertEquals(14.00, gpt52.output());
        assertEquals(0.175, gpt52.cachedInput());
        assertEquals(3.75, modelsDev.get("anthropic/claude-sonnet-4-5").cacheWrite());
        assertTrue(modelsDev.size() > 500, "models.dev rows: " + modelsDev.size());

        Map<String, PriceRow> liteLlm = byName(PriceImport.read(SHARED.resolve("litellm-model_prices.json"), ALL));
        PriceRow gpt4o = liteLlm.get("openai/gpt-4o");
        assertEquals(2.50, gpt4o.input());
        assertEquals(10.00, gpt4o.output());
        assertEquals(1.25, gpt4o.cachedInput());
        assertEquals(0.5, gpt4o.batchDiscount());
        assertEquals(2.5, liteLlm.get("gemini/gemini-2.5-pro").longContext().input());
        assertTrue(liteLlm.size() > 1000, "LiteLLM rows: " + liteLlm.size());

        Map<String, PriceRow> openRouter = byName(PriceImport.read(SHARED.resolve("openrouter-models.json"), ALL));
        assertEquals(1.75, openRouter.get("openrouter/openai/gpt-5.2").input());
        assertEquals(0.175, openRouter.get("openrouter/openai/gpt-5.2").cachedInput());
    }

    @Test
    void theBundledCatalogAgreesWithTheModelsDevSnapshot() {
        assumeTrue(Files.isDirectory(SHARED), "the shared price snapshots are next to the project");
        Map<String, PriceRow> snapshot = byName(PriceImport.read(SHARED.resolve("models.dev-api.json"), ALL));
        for (PriceRow row : PriceFile.bundled().prices()) {
            PriceRow fact = snapshot.values().stream().filter(r -> r.key().equals(row.key())).findFirst()
                    .orElseThrow(() -> new AssertionError("not in the snapshot: " + row.model()));
            assertEquals(fact.input(), row.input(), row.model());
            assertEquals(fact.output(), row.output(), row.model());
            assertEquals(fact.cachedInput(), row.cachedInput(), row.model());
            assertEquals(fact.cacheWrite(), row.cacheWrite(), row.model());
        }
    }

    @Test
    void importMergesIntoTheOverrideFileWhichThenWinsOverBundled(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("config").resolve("prices.yaml");
        Files.createDirectories(target.getParent());
        Files.writeString(target, """
                prices:
                  - model: openai/gpt-4o-mini
                    input: 9
                    output: 9
                  - model: mistral/my-finetune
                    input: 0.3
                    output: 0.9
                    source: invoice
                """);
        PriceImport.Result result = PriceImport.importInto(resource("litellm-fragment.json"), target, ALL);
        assertEquals(4, result.added());
        assertEquals(1, result.replaced());
        assertEquals(1, result.kept());
        assertEquals(3, result.skipped());

        PriceCatalog catalog = PriceCatalog.load(YardstickConfig.EMPTY, Map.of(PriceCatalog.PRICES_ENV,
                target.toString()));
        PriceRow mini = catalog.require("openai/gpt-4o-mini");
        assertEquals(0.15, mini.input(), "the imported row replaced the old override");
        assertEquals(PriceOrigin.USER, mini.origin());
        assertEquals(0.5, mini.batchDiscount());
        assertEquals(0.3, catalog.require("mistral/my-finetune").input(), "rows not imported are kept");
        String written = Files.readString(target);
        assertTrue(written.startsWith("# Yardstick price overrides"), written);
        assertTrue(written.contains("as-of: 2026-07-02") || written.contains("as-of: \"2026-07-02\""), written);
        assertTrue(!written.contains("origin"), "the origin is the reader's to set");
    }

    @Test
    void providerFilterKeepsOneProvider() throws Exception {
        ImportedPrices imported = PriceImport.read(resource("litellm-fragment.json"),
                new PriceImport.Options(DAY, "google"));
        assertEquals(List.of("gemini/gemini-2.5-flash"), imported.rows().stream().map(PriceRow::model).toList());
    }

    @Test
    void unknownOrBrokenFilesAreOneLineInputErrors(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": {\"world\": 1}}");
        InputException unknown = assertThrows(InputException.class, () -> PriceImport.read(other, ALL));
        assertTrue(unknown.getMessage().contains("not a price list Yardstick knows"), unknown.getMessage());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"gpt-4o\": {\n    \"input_cost_per_token\": ,\n  }\n}");
        InputException e = assertThrows(InputException.class, () -> PriceImport.read(broken, ALL));
        assertTrue(e.getMessage().startsWith(broken + ":3: not valid JSON"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        InputException missing = assertThrows(InputException.class,
                () -> PriceImport.read(dir.resolve("nope.json"), ALL));
        assertTrue(missing.getMessage().startsWith("file not found"), missing.getMessage());
    }
}
