package dev.yardstick.cost.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelConfig;
import dev.yardstick.config.PriceConfig;
import dev.yardstick.config.YardstickConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCatalogTest {

    private final PriceCatalog bundled = PriceCatalog.bundled();

    @Test
    void bundledCatalogCoversTheMajorProvidersWithSourcedDatedRows() {
        List<PriceRow> rows = PriceFile.bundled().prices();
        assertTrue(rows.size() >= 30, "rows: " + rows.size());
        Set<String> providers = rows.stream().map(r -> ProviderNames.provider(r.model())).collect(Collectors.toSet());
        assertTrue(providers.containsAll(Set.of("openai", "anthropic", "gemini", "mistral", "deepseek", "xai",
                "groq", "together", "openrouter")), providers.toString());
        assertTrue(rows.stream().anyMatch(r -> r.model().contains("llama")), "Meta models on their hosts");
        for (PriceRow row : rows) {
            assertNotNull(row.asOf(), row.model());
            assertTrue(row.source().contains("models.dev"), row.model());
            assertNotNull(row.contextWindow(), row.model());
            assertNotNull(row.maxOutput(), row.model());
            assertEquals(PriceOrigin.BUNDLED, row.origin());
        }
    }

    @Test
    void bundledRowsHoldTheProvidersListPrices() {
        PriceRow gpt52 = bundled.require("openai/gpt-5.2");
        assertEquals(1.75, gpt52.input());
        assertEquals(0.175, gpt52.cachedInput());
        assertEquals(14.00, gpt52.output());
        assertEquals(0.5, gpt52.batchDiscount());
        assertEquals(LocalDate.of(2026, 7, 2), gpt52.asOf());
        PriceRow haiku = bundled.require("anthropic/claude-haiku-4-5");
        assertEquals(1.25, haiku.cacheWrite());
        PriceRow pro = bundled.require("gemini/gemini-2.5-pro");
        assertEquals(200_000L, pro.longContext().above());
        assertEquals(15.0, pro.longContext().output());
    }

    @Test
    void oneProvidersRowsAreFoundByAnyOfItsNames() {
        List<PriceRow> google = bundled.rowsOf("google");
        assertFalse(google.isEmpty());
        assertTrue(google.stream().allMatch(r -> r.model().startsWith("gemini/")), google.toString());
        assertEquals(google, bundled.rowsOf("gemini"));
        assertEquals(bundled.rows().stream().filter(r -> r.model().startsWith("gemini/")).count(), google.size());
        assertEquals(bundled.rows(), bundled.rowsOf(null));
        assertEquals(List.of(), bundled.rowsOf("nosuch"));
    }

    @Test
    void namesMatchRowsAndListedAliasesOnly() {
        assertEquals("anthropic/claude-haiku-4-5", bundled.require("anthropic/claude-haiku-4-5-20251001").model());
        assertEquals("deepseek/deepseek-v4-flash", bundled.require("deepseek/deepseek-chat").model());
        assertEquals("openai/gpt-5.2", bundled.require("openrouter/openai/gpt-5.2").model(),
                "an OpenRouter name the row lists");
        assertTrue(bundled.find("openrouter/openai/gpt-4o").isEmpty(),
                "OpenRouter's gpt-4o is not marked as the same price, so it is not assumed");
        assertTrue(bundled.find("openai/gpt-4o-2024-05-13").isEmpty(),
                "a dated snapshot is not assumed to cost what its family costs");
        assertEquals("openai/gpt-4o", bundled.require("OpenAI/GPT-4o").model(), "case does not matter");
        assertEquals("gemini/gemini-2.5-flash", bundled.require("google/gemini-2.5-flash").model(),
                "models.dev's provider name maps to Yardstick's");
    }

    @Test
    void localAndMockCostZeroMarkedUnpricedButHostedModelsNeverDo() {
        PriceRow local = bundled.require("local/stories260k");
        assertEquals(0.0, local.input());
        assertEquals(0.0, local.output());
        assertEquals(PriceOrigin.UNPRICED, local.origin());
        assertTrue(local.source().contains("unpriced"));
        assertEquals(PriceOrigin.UNPRICED, bundled.require("mock/fast").origin());
        InputException missing = assertThrows(InputException.class, () -> bundled.require("openai/gpt-9-ultra"));
        assertEquals("no price for 'openai/gpt-9-ultra': import one (yardstick pricing import FILE) or set "
                + "models.'openai/gpt-9-ultra'.price in the config file", missing.getMessage());
    }

    @Test
    void configBeatsUserFileWhichBeatsBundled() {
        PriceRow user = TestRows.withContext(TestRows.row("openai/gpt-5.2", 1.50, 0.15, null, 12.0, 0.25),
                123_456, null).withOrigin(PriceOrigin.USER);
        PriceRow userMini = TestRows.row("openai/gpt-5-mini", 0.20, null, null, 1.6, null)
                .withOrigin(PriceOrigin.USER);
        ModelConfig negotiated = new ModelConfig(null, null, null, null, null, null,
                new PriceConfig(1.00, 0.10, null, 8.0, null, "contract 2026"));
        YardstickConfig config = new YardstickConfig(Map.of(), Map.of("openai/gpt-5.2", negotiated), null);
        PriceCatalog catalog = PriceCatalog.of(PriceFile.bundled().prices(), List.of(user, userMini), config);

        PriceRow gpt52 = catalog.require("openai/gpt-5.2");
        assertEquals(1.00, gpt52.input());
        assertEquals(PriceOrigin.CONFIG, gpt52.origin());
        assertEquals("contract 2026", gpt52.source());
        assertEquals(123_456, gpt52.contextWindow(), "limits carry over from the row the config replaces");
        assertEquals(0.25, gpt52.batchDiscount(), "a batch discount is a share of any price: it carries over");
        assertEquals(0.20, catalog.require("openai/gpt-5-mini").input());
        assertEquals(PriceOrigin.USER, catalog.require("openai/gpt-5-mini").origin());
        assertEquals(PriceOrigin.BUNDLED, catalog.require("openai/gpt-5-nano").origin());
        assertEquals(1.00, catalog.rows().stream().filter(r -> r.model().equals("openai/gpt-5.2")).findFirst()
                .orElseThrow().input(), "the listing shows the row in force");
    }

    @Test
    void endpointPricesEveryModelOnItAndLocalModelsCanBePricedPerHour() {
        EndpointConfig vllm = new EndpointConfig("openai", "http://127.0.0.1:8000/v1", null, null, null, 32_768,
                new PriceConfig(null, null, null, null, 2.40, null));
        ModelConfig gpu = new ModelConfig(null, null, null, null, null, null,
                new PriceConfig(null, null, null, null, 0.90, "my A10 at 0.90/h"));
        YardstickConfig config = new YardstickConfig(Map.of("myvllm", vllm), Map.of("local/llama-3-8b", gpu), null);
        PriceCatalog catalog = PriceCatalog.of(PriceFile.bundled().prices(), List.of(), config);

        PriceRow served = catalog.require("myvllm/qwen2.5-7b");
        assertEquals("myvllm/qwen2.5-7b", served.model());
        assertEquals(2.40, served.perHour());
        assertEquals(0.0, served.input());
        assertEquals(32_768, served.contextWindow());
        PriceRow local = catalog.require("local/llama-3-8b");
        assertEquals(0.90, local.perHour());
        assertEquals(PriceOrigin.CONFIG, local.origin());
        assertEquals(PriceOrigin.UNPRICED, catalog.require("local/other").origin());
    }

    @Test
    void aConfigPriceWithoutOutputIsAnInputErrorNamingWhere() {
        ModelConfig half = new ModelConfig(null, null, null, null, null, null,
                new PriceConfig(1.0, null, null, null, null, null));
        YardstickConfig config = new YardstickConfig(Map.of(), Map.of("openai/gpt-5.2", half), null);
        InputException e = assertThrows(InputException.class,
                () -> PriceCatalog.of(List.of(), List.of(), config));
        assertEquals("config file: models.'openai/gpt-5.2'.price: 'output' price is missing (USD per million "
                + "tokens)", e.getMessage());
    }

    @Test
    void userFileIsFoundFromTheEnvironmentAndItsErrorsNameFileLineAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.yaml");
        Files.writeString(file, """
                prices:
                  - model: openai/gpt-5.2
                    input: 1.5
                    output: 12
                    source: my list
                    as-of: 2026-08-01
                  - model: openai/gpt-5-mini
                    input: -0.25
                    output: 2
                """);
        Map<String, String> env = Map.of(PriceCatalog.PRICES_ENV, file.toString());
        assertEquals(file, PriceCatalog.userFile(env));
        InputException e = assertThrows(InputException.class, () -> PriceCatalog.load(YardstickConfig.EMPTY, env));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("field 'prices[1]'"), e.getMessage());
        assertTrue(e.getMessage().contains("'input' must be a price of zero or more, got -0.25"), e.getMessage());
        assertTrue(e.getMessage().matches(".*:\\d+: field.*"), "names the line: " + e.getMessage());

        Files.writeString(file, """
                prices:
                  - model: openai/gpt-5.2
                    input: 1.5
                    output: 12
                    as-of: 2026-08-01
                """);
        PriceRow row = PriceCatalog.load(YardstickConfig.EMPTY, env).require("openai/gpt-5.2");
        assertEquals(1.5, row.input());
        assertEquals(PriceOrigin.USER, row.origin());
        assertNull(row.contextWindow(), "a user row replaces the bundled one whole");
        assertFalse(row.reference().isBlank());
    }

    @Test
    void referenceLineNamesPricesSourceAndDate() {
        assertEquals("openai/gpt-5.2: $1.75 in / $0.175 cached / $14.00 out per 1M tokens (bundled: models.dev "
                + "snapshot; openai.com/api/pricing (Batch API 50% off), as of 2026-07-02)",
                bundled.require("openai/gpt-5.2").reference());
    }
}
