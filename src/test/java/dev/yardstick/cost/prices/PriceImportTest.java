package dev.yardstick.cost.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.report.PriceImportReport;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;
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
    /** The LiteLLM snapshot's date, as its README gives it (the file itself carries none). */
    private static final LocalDate LITELLM_SNAPSHOT = LocalDate.of(2025, 9, 1);

    private static PriceImportReport importInto(Path source, Path target, PriceImport.Options options) {
        return PriceImportReport.of(PriceImport.importInto(source, target, options));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PriceImportTest.class.getResource(name).toURI());
    }

    private static Map<String, PriceRow> byName(ImportedPrices imported) {
        return imported.rows().stream().collect(Collectors.toMap(PriceRow::model, Function.identity()));
    }

    private static PriceCatalog catalogWith(Path overrides) {
        return PriceCatalog.load(YardstickConfig.EMPTY, Map.of(PriceCatalog.PRICES_ENV, overrides.toString()));
    }

    @Test
    void liteLlmPricesPerTokenBecomePerMillionWithCachesBatchAndTiers() throws Exception {
        ImportedPrices imported = PriceImport.read(resource("litellm-fragment.json"), ALL);
        assertEquals(PriceImport.Format.LITELLM, imported.format());
        Map<String, PriceRow> rows = byName(imported);
        assertEquals(5, rows.size(), rows.keySet().toString());
        assertEquals(3, imported.skippedCount(), "sample_spec, an image model and an embedding model");
        assertEquals(Map.of("not a text model (image, audio, embedding, ...)", 3), imported.skipped());
        assertEquals(List.of(), imported.malformed());

        PriceRow mini = rows.get("openai/gpt-4o-mini");
        assertEquals(0.15, mini.input());           // 1.5e-07 per token
        assertEquals(0.075, mini.cachedInput());
        assertEquals(0.60, mini.output());
        assertEquals(0.5, mini.batchDiscount());    // batches at 7.5e-08 against 1.5e-07
        assertEquals(128_000, mini.maxInput(), "LiteLLM's max_input_tokens is the prompt limit");
        assertNull(mini.contextWindow(), "LiteLLM gives no total context window");
        assertEquals(16_384, mini.maxOutput());
        assertEquals(DAY, mini.asOf());
        assertEquals(Set.of(ImportDate.AS_OF_OPTION), imported.dated().keySet());
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
    void modelsDevPricesPerMillionWithTiersLimitsAndEachModelsOwnDate() throws Exception {
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
        assertEquals(LocalDate.of(2025, 12, 11), gpt52.asOf(), "the file's last_updated wins over --as-of");
        PriceRow gpt54 = rows.get("openai/gpt-5.4");
        assertEquals(272_000L, gpt54.longContext().above());
        assertEquals(22.5, gpt54.longContext().output());
        assertEquals(DAY, gpt54.asOf(), "no last_updated: --as-of");
        PriceRow sonnet = rows.get("anthropic/claude-sonnet-4-0");
        assertEquals(200_000L, sonnet.longContext().above(), "the older context_over_200k form");
        assertEquals(7.5, sonnet.longContext().cacheWrite());
        assertEquals(LocalDate.of(2025, 5, 1), sonnet.asOf(), "a month counts from its first day");
        assertTrue(rows.containsKey("gemini/gemini-2.5-flash-lite"), "google is Yardstick's gemini");
        assertEquals(1, imported.skippedCount(), "the image model without token prices");
        ImportDate.Span fromFile = imported.dated().get(ModelsDevPrices.LAST_UPDATED);
        assertEquals(2, fromFile.rows());
        assertEquals("2025-05-01 to 2025-12-11", fromFile.dates());
        assertEquals(rows.size() - 2, imported.dated().get(ImportDate.AS_OF_OPTION).rows());
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
        assertEquals(200_000, haiku.contextWindow());
        assertEquals(Map.of("no fixed price (a router that picks the model per request)", 1), imported.skipped());
    }

    @Test
    void theRealSnapshotsReadCleanlyAndPinKnownRows() {
        assumeTrue(Files.isDirectory(SHARED), "the shared price snapshots are next to the project");
        ImportedPrices modelsDevFile = PriceImport.read(SHARED.resolve("models.dev-api.json"), ALL);
        assertEquals(List.of(), modelsDevFile.malformed(), "the real files have no malformed entries");
        Map<String, PriceRow> modelsDev = byName(modelsDevFile);
        PriceRow gpt52 = modelsDev.get("openai/gpt-5.2");
        assertEquals(1.75, gpt52.input());
        assertEquals(14.00, gpt52.output());
        assertEquals(0.175, gpt52.cachedInput());
        assertEquals(3.75, modelsDev.get("anthropic/claude-sonnet-4-5").cacheWrite());
        assertEquals(272_000, modelsDev.get("openai/gpt-5-nano").maxInput());
        assertEquals(LocalDate.of(2025, 8, 7), modelsDev.get("openai/gpt-5-nano").asOf(), "its last_updated");
        assertTrue(modelsDev.size() > 500, "models.dev rows: " + modelsDev.size());
        ImportDate.Span fromFile = modelsDevFile.dated().get(ModelsDevPrices.LAST_UPDATED);
        assertTrue(fromFile.rows() > 500 && !fromFile.latest().isAfter(LocalDate.of(2026, 7, 2)),
                "dated by the file itself, never after the snapshot: " + fromFile);

        ImportedPrices liteLlmFile = PriceImport.read(SHARED.resolve("litellm-model_prices.json"),
                new PriceImport.Options(LITELLM_SNAPSHOT, null));
        assertEquals(List.of(), liteLlmFile.malformed());
        Map<String, PriceRow> liteLlm = byName(liteLlmFile);
        PriceRow gpt4o = liteLlm.get("openai/gpt-4o");
        assertEquals(2.50, gpt4o.input());
        assertEquals(10.00, gpt4o.output());
        assertEquals(1.25, gpt4o.cachedInput());
        assertEquals(0.5, gpt4o.batchDiscount());
        assertEquals(LITELLM_SNAPSHOT, gpt4o.asOf());
        assertEquals(32_000, liteLlm.get("mistral/mistral-small-latest").maxInput());
        assertEquals(2.5, liteLlm.get("gemini/gemini-2.5-pro").longContext().input());
        assertTrue(liteLlm.size() > 1000, "LiteLLM rows: " + liteLlm.size());
        int entries = 1701;
        assertEquals(entries, liteLlm.size() + liteLlmFile.skippedCount(), "every entry is a row or a counted skip");

        ImportedPrices openRouterFile = PriceImport.read(SHARED.resolve("openrouter-models.json"), ALL);
        assertEquals(List.of(), openRouterFile.malformed());
        Map<String, PriceRow> openRouter = byName(openRouterFile);
        assertEquals(1.75, openRouter.get("openrouter/openai/gpt-5.2").input());
        assertEquals(0.175, openRouter.get("openrouter/openai/gpt-5.2").cachedInput());
        assertEquals(364, openRouter.size() + openRouterFile.skippedCount());
    }

    @Test
    void theBundledCatalogAgreesWithTheModelsDevSnapshotPricesAndLimits() {
        assumeTrue(Files.isDirectory(SHARED), "the shared price snapshots are next to the project");
        Map<String, PriceRow> snapshot = byName(PriceImport.read(SHARED.resolve("models.dev-api.json"), ALL));
        for (PriceRow row : PriceFile.bundled().prices()) {
            PriceRow fact = snapshot.values().stream().filter(r -> r.key().equals(row.key())).findFirst()
                    .orElseThrow(() -> new AssertionError("not in the snapshot: " + row.model()));
            assertEquals(fact.input(), row.input(), row.model());
            assertEquals(fact.output(), row.output(), row.model());
            assertEquals(fact.cachedInput(), row.cachedInput(), row.model());
            assertEquals(fact.cacheWrite(), row.cacheWrite(), row.model());
            if (fact.maxInput() != null) {
                assertEquals(fact.maxInput(), row.maxInput(), "the prompt limit the source gives: " + row.model());
            }
            if (fact.contextWindow() != null) {
                assertEquals(fact.contextWindow(), row.contextWindow(), row.model());
            }
            assertFalse(fact.asOf().isAfter(row.asOf()), "the catalog is no older than its source: " + row.model());
        }
    }

    @Test
    void withoutAnAsOfAFileWithoutADateIsDatedByItsModificationTimeAndSaysSo(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("litellm.json");
        Files.writeString(source, """
                {"gpt-3.5-turbo": {"litellm_provider": "openai", "mode": "chat",
                                   "input_cost_per_token": 5e-07, "output_cost_per_token": 1.5e-06}}
                """);
        LocalDate written = LocalDate.of(2025, 9, 15);
        Files.setLastModifiedTime(source, FileTime.from(written.atTime(12, 0).atZone(ZoneId.systemDefault())
                .toInstant()));
        PriceImportReport report = importInto(source, dir.resolve("prices.yaml"),
                new PriceImport.Options(null, null));
        assertEquals(Set.of(ImportDate.MODIFIED), report.dated().keySet());
        assertEquals("2025-09-15", report.dated().get(ImportDate.MODIFIED).dates());
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("1 row of " + source + " carries no date: "
                + "dated 2025-09-15, the file's modification time") && w.contains("--as-of")),
                report.warnings().toString());
        List<PriceRow> rows = PriceFile.read(dir.resolve("prices.yaml"), PriceOrigin.USER).prices();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.asOf().equals(written)), "never the day of the import");
    }

    @Test
    void anOldSnapshotNeverOverridesNewerBundledRowsAndListsEachOneItKept(@TempDir Path dir) {
        assumeTrue(Files.isDirectory(SHARED), "the shared price snapshots are next to the project");
        Path target = dir.resolve("prices.yaml");
        PriceImportReport report = importInto(SHARED.resolve("litellm-model_prices.json"), target,
                new PriceImport.Options(LITELLM_SNAPSHOT, null));

        PriceChange small = report.kept().stream().filter(c -> c.model().equals("mistral/mistral-small-latest"))
                .findFirst().orElseThrow(() -> new AssertionError(report.kept().toString()));
        assertEquals("bundled mistral/mistral-small-2603, as of 2026-07-02", small.was());
        assertEquals(List.of("input $0.15 → $0.10", "output $0.60 → $0.30", "batch 50% off → none",
                "context 256,000 → unknown", "max input unknown → 32,000", "max output 256,000 → 8,191"),
                small.differences());
        assertTrue(small.note().contains("is newer than the import (2025-09-01)"), small.note());
        assertEquals(List.of(), report.replaced(), "every bundled row is newer than a 2025-09 snapshot");
        assertTrue(report.kept().size() >= 10, "kept: " + report.kept().size());

        PriceCatalog after = catalogWith(target);
        PriceRow inForce = after.require("mistral/mistral-small-latest");
        assertEquals(0.15, inForce.input(), "the newer bundled price stays in force");
        assertEquals(PriceOrigin.BUNDLED, inForce.origin());
        // Counts are true: every row written is a new model, and the file holds exactly those.
        List<PriceRow> written = PriceFile.read(target, PriceOrigin.USER).prices();
        assertEquals(report.imported(), written.size());
        assertEquals(report.added().size(), written.size());
        assertTrue(report.summary().startsWith(String.format(java.util.Locale.ROOT,
                "Imported %,d prices (litellm format) into %s: %,d new, 0 replaced, %,d kept", written.size(),
                target, written.size(), report.kept().size())), report.summary());

        PriceImportReport forced = importInto(SHARED.resolve("litellm-model_prices.json"), target,
                new PriceImport.Options(LITELLM_SNAPSHOT, null, true, false));
        assertEquals(0, forced.added().size(), "the first import added them");
        assertEquals(report.kept().size(), forced.replaced().size(), "--force replaces exactly what was kept");
        assertTrue(forced.replaced().stream().allMatch(c -> c.note().startsWith("replaced by --force")));
        assertEquals(0.10, catalogWith(target).require("mistral/mistral-small-latest").input());
    }

    @Test
    void aNewerImportReplacesAnOlderOverrideAndShowsTheChange(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("config").resolve("prices.yaml");
        Files.createDirectories(target.getParent());
        Files.writeString(target, """
                prices:
                  - model: openai/gpt-4o-mini
                    input: 9
                    output: 9
                    source: an old import
                    as-of: 2025-01-01
                  - model: deepseek/deepseek-chat
                    input: 5
                    output: 5
                    source: typed in by hand, no date
                  - model: mistral/my-finetune
                    input: 0.3
                    output: 0.9
                    source: invoice
                """);
        // A day before the bundled catalog's date: the bundled rows are newer, the user's 2025 row older.
        PriceImport.Options dayBefore = new PriceImport.Options(DAY.minusDays(1), null);
        PriceImportReport report = importInto(resource("litellm-fragment.json"), target, dayBefore);
        assertEquals(List.of("openai/gpt-4o-mini"), report.replaced().stream().map(PriceChange::model).toList());
        PriceChange mini = report.replaced().get(0);
        assertEquals("user, as of 2025-01-01", mini.was());
        assertTrue(mini.differences().containsAll(List.of("input $9.00 → $0.15", "output $9.00 → $0.60",
                "cached none → $0.075", "max input unknown → 128,000")), mini.differences().toString());
        PriceChange undated = report.kept().stream().filter(c -> c.model().equals("deepseek/deepseek-chat"))
                .findFirst().orElseThrow();
        assertTrue(undated.note().contains("has no as-of date"), undated.note());
        assertEquals(List.of("anthropic/claude-sonnet-4-5-20250929", "gemini/gemini-2.5-flash",
                "deepseek/deepseek-chat", "together/meta-llama/Llama-3.3-70B-Instruct-Turbo"),
                report.kept().stream().map(PriceChange::model).toList(), "three newer bundled rows, one undated");
        assertEquals("bundled anthropic/claude-sonnet-4-5, as of 2026-07-02", report.kept().get(0).was());
        assertEquals(List.of(), report.added());
        assertEquals(2, report.untouched(), "the fine-tune and the undated row stay as they were");
        assertEquals(3, report.skippedCount());
        assertTrue(report.summary().contains(": 0 new, 1 replaced, 4 kept because the price in force is newer, "
                + "0 unchanged; 2 other rows of the file kept; 3 entries skipped."), report.summary());

        PriceCatalog catalog = catalogWith(target);
        PriceRow replaced = catalog.require("openai/gpt-4o-mini");
        assertEquals(0.15, replaced.input(), "the imported row replaced the old override");
        assertEquals(PriceOrigin.USER, replaced.origin());
        assertEquals(0.5, replaced.batchDiscount());
        assertEquals(5, catalog.require("deepseek/deepseek-chat").input(), "an undated override is kept");
        assertEquals(0.3, catalog.require("mistral/my-finetune").input(), "rows not imported are kept");
        String written = Files.readString(target);
        assertTrue(written.startsWith("# Yardstick price overrides"), written);
        assertTrue(written.contains("as-of: 2026-07-01") || written.contains("as-of: \"2026-07-01\""), written);
        assertFalse(written.contains("origin"), "the origin is the reader's to set");

        PriceImportReport again = importInto(resource("litellm-fragment.json"), target, dayBefore);
        assertEquals(0, again.imported(), "the same file twice changes nothing");
        assertEquals(1, again.unchanged());
        assertEquals(4, again.kept().size());
        assertEquals(written, Files.readString(target));
    }

    @Test
    void providerFilterKeepsOneProvider() throws Exception {
        ImportedPrices imported = PriceImport.read(resource("litellm-fragment.json"),
                new PriceImport.Options(DAY, "google"));
        assertEquals(List.of("gemini/gemini-2.5-flash"), imported.rows().stream().map(PriceRow::model).toList());
        assertEquals(4, imported.skipped().get("not gemini"));
    }

    @Test
    void aMalformedPriceRejectsTheFileNamingFileLineModelAndField(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("litellm.json");
        Files.writeString(source, """
                {
                  "gpt-4o": {
                    "litellm_provider": "openai",
                    "mode": "chat",
                    "input_cost_per_token": "cheap",
                    "output_cost_per_token": 1e-05
                  },
                  "gpt-3.5-turbo": {
                    "litellm_provider": "openai", "mode": "chat",
                    "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07
                  },
                  "o3": {
                    "litellm_provider": "openai", "mode": "chat",
                    "input_cost_per_token": 2e-06, "output_cost_per_token": -8e-06
                  }
                }
                """);
        Path target = dir.resolve("prices.yaml");
        InputException e = assertThrows(InputException.class, () -> importInto(source, target, ALL));
        assertEquals(source + ":5: 'gpt-4o', field 'input_cost_per_token': not a number: \"cheap\" (and 1 more "
                + "malformed entries); nothing imported (--skip-invalid imports the rest and lists what it skips)",
                e.getMessage());
        assertFalse(Files.exists(target), "nothing written");

        PriceImportReport report = importInto(source, target,
                new PriceImport.Options(DAY, null, false, true));
        assertEquals(List.of(source + ":5: 'gpt-4o', field 'input_cost_per_token': not a number: \"cheap\"",
                source + ":14: 'o3', field 'output_cost_per_token': a price cannot be negative, got -8.0E-6"),
                report.malformed());
        assertEquals(2, report.warnings().size(), "one warning per entry skipped");
        assertTrue(report.warnings().get(0).endsWith("(entry skipped)"));
        assertEquals(List.of("openai/gpt-3.5-turbo"), report.added());
        assertTrue(report.summary().endsWith(", 2 malformed."), report.summary());
    }

    @Test
    void malformedEntriesOfTheOtherFormatsNameTheirNestedField(@TempDir Path dir) throws Exception {
        Path modelsDev = dir.resolve("api.json");
        Files.writeString(modelsDev, """
                {"openai": {"id": "openai", "models": {
                  "gpt-5.2": {"cost": {"input": 1.75, "output": 14},
                              "limit": {"context": "big", "output": 128000}}}}}
                """);
        InputException md = assertThrows(InputException.class, () -> importInto(modelsDev,
                dir.resolve("a.yaml"), ALL));
        assertTrue(md.getMessage().startsWith(modelsDev + ":3: 'openai/gpt-5.2', field 'limit.context': not a "
                + "whole number of tokens: \"big\""), md.getMessage());
        Path openRouter = dir.resolve("models.json");
        Files.writeString(openRouter, """
                {"data": [
                  {"id": "openai/gpt-5.2", "pricing": {"prompt": "0.00000175", "completion": "0.000014"}},
                  {"id": "x/y",
                   "pricing": {"prompt": "free", "completion": "0.000014"}}
                ]}
                """);
        InputException or = assertThrows(InputException.class, () -> importInto(openRouter,
                dir.resolve("b.yaml"), ALL));
        assertTrue(or.getMessage().startsWith(openRouter + ":4: 'x/y', field 'pricing.prompt': not a number: "
                + "\"free\""), or.getMessage());
    }

    @Test
    void unknownOrBrokenFilesAndBadTargetsAreOneLineInputErrors(@TempDir Path dir) throws Exception {
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
        InputException intoDirectory = assertThrows(InputException.class,
                () -> importInto(resource("litellm-fragment.json"), dir, ALL));
        assertEquals("cannot write price file " + dir + ": it is a directory (name a YAML file)",
                intoDirectory.getMessage());
        InputException future = assertThrows(InputException.class,
                () -> new PriceImport.Options(LocalDate.now().plusDays(2), null));
        assertTrue(future.getMessage().contains("is in the future"), future.getMessage());
    }
}
