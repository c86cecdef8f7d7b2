package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.provider.local.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cost-analyze end to end in this process: shipped scenarios, real run reports, constraints, exit codes. */
class CostAnalyzeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** No user override file and no config file from the machine running the tests. */
    private Map<String, String> env() {
        return Map.of("YARDSTICK_PRICES", dir.resolve("no-prices.yaml").toString(), "COLUMNS", "200");
    }

    private CliRun run(String... args) {
        return CliRun.of(env(), null, args);
    }

    @Test
    void aShippedScenarioPrintsARankedTableAndAReasonedRecommendationForTenRealModels() throws Exception {
        CliRun table = run("cost-analyze", "scenarios/cost-support-bot.yaml", "--min-context", "200000");
        assertEquals(ExitCodes.OK, table.exitCode(), table.err());
        assertTrue(table.out().contains("Recommended: "), table.out());
        assertTrue(table.out().contains("Cheaper, but rejected:") || table.out().contains("Also rejected:"),
                table.out());
        assertTrue(table.out().contains("is under the 200,000 required"), table.out());
        assertTrue(table.out().contains("Where the ranking flips:"), table.out());

        CliRun json = run("cost-analyze", "scenarios/cost-support-bot.yaml", "--format", "json");
        assertEquals(ExitCodes.OK, json.exitCode(), json.err());
        JsonNode ranked = JSON.readTree(json.out()).at("/scenarios/0/ranked");
        assertTrue(ranked.size() >= 10, "models ranked: " + ranked.size());
        for (JsonNode cost : ranked) {
            assertTrue(cost.path("period").asDouble() > 0, cost.toString());
            assertEquals("2026-07-02", cost.at("/price/asOf").asText(), "every cost carries its price row");
        }
    }

    @Test
    void aCompareReportSuppliesTheTokensOffline() throws Exception {
        Path report = dir.resolve("compare.json");
        CliRun compare = run("compare", "-m", "mock/fast?ttft=1ms&itl=0ms&tokens=40", "--prompts",
                "prompts/stories.yaml", "-o", report.toString());
        assertEquals(ExitCodes.OK, compare.exitCode(), compare.err());
        assertCostedFromReport(report, "mock/fast?ttft=1ms&itl=0ms&tokens=40");
    }

    @Test
    void aCompareReportOfTheEmbeddedModelSuppliesTheTokensOffline() throws Exception {
        // Found where the provider looks ($YARDSTICK_MODELS, ../shared/models beside the checkout), never downloaded.
        Path model = ModelFiles.fromEnvironment(System.getenv()).find(ModelFiles.DEFAULT_MODEL)
                .orElseThrow(() -> new AssertionError(ModelFiles.DEFAULT_FILE + " not found: the tests read it from "
                        + "../shared/models beside the checkout, or from the folder YARDSTICK_MODELS names"));
        Map<String, String> offline = new HashMap<>(env());
        offline.put(ModelFiles.MODELS_ENV, model.getParent().toString());
        offline.put(ModelFiles.OFFLINE_ENV, "1");
        Path report = dir.resolve("local.json");
        CliRun compare = CliRun.of(offline, null, "compare", "-m", "local/stories260k", "--prompts",
                "prompts/stories.yaml", "--max-tokens", "40", "-o", report.toString());
        assertEquals(ExitCodes.OK, compare.exitCode(), compare.err());
        assertCostedFromReport(report, "local/stories260k");
    }

    private void assertCostedFromReport(Path report, String ranModel) throws Exception {
        CliRun cost = run("cost-analyze", "scenarios/cost-support-bot.yaml", "--usage", report.toString(),
                "-m", "openai/gpt-5-mini", "-m", "anthropic/claude-haiku-4-5", "-m", ranModel, "--format", "json");
        assertEquals(ExitCodes.OK, cost.exitCode(), cost.err());
        JsonNode scenario = JSON.readTree(cost.out()).at("/scenarios/0");
        assertEquals(3, scenario.path("ranked").size(), scenario.toString());
        for (JsonNode c : scenario.path("ranked")) {
            String basis = c.path("tokenBasis").asText();
            if (c.path("model").asText().equals(ranModel)) {
                assertTrue(basis.startsWith("observed in " + report.getFileName()), basis);
                assertEquals("unpriced", c.at("/price/origin").asText().toLowerCase(java.util.Locale.ROOT));
            } else {
                assertTrue(basis.endsWith("from the run's texts"), "recounted with its tokenizer: " + basis);
                assertTrue(c.path("period").asDouble() > 0);
            }
        }
        assertEquals("counted (jtokkit:o200k_base) from the run's texts", basisOf(scenario, "openai/gpt-5-mini"));
    }

    private static String basisOf(JsonNode scenario, String model) {
        for (JsonNode c : scenario.path("ranked")) {
            if (c.path("model").asText().equals(model)) {
                return c.path("tokenBasis").asText();
            }
        }
        return "";
    }

    @Test
    void latencyAndPassRateConstraintsAreJudgedOnAReport() throws Exception {
        Path report = dir.resolve("compare.json");
        // The slow model's first token takes 1.2 s; the fast one answers in milliseconds, far under the 1 s limit
        // even on a loaded machine.
        String fast = "mock/fast?ttft=5ms&itl=0ms&tokens=10";
        String slow = "mock/slow?ttft=1200ms&itl=0ms&tokens=10";
        assertEquals(ExitCodes.OK, run("compare", "-m", fast, "-m", slow, "-p", "Hello", "-o", report.toString())
                .exitCode());
        CliRun cost = run("cost-analyze", "scenarios/cost-support-bot.yaml", "-m", slow, "-m", fast, "--report",
                report.toString(), "--max-p95-latency", "1s");
        assertEquals(ExitCodes.OK, cost.exitCode(), cost.err() + cost.out());
        assertTrue(cost.out().contains("Recommended: mock/fast"), cost.out());
        assertTrue(cost.out().contains("is over 1.00s (compare.json)"), cost.out());
    }

    @Test
    void noModelMeetingTheConstraintsIsAFailedGate() {
        CliRun cost = run("cost-analyze", "scenarios/cost-nightly-batch.yaml", "--max-monthly", "1");
        assertEquals(ExitCodes.GATE_FAILED, cost.exitCode(), cost.err());
        assertTrue(cost.out().contains("No model meets every constraint"), cost.out());
    }

    @Test
    void aUsageLogWithFlagsNeedsNoScenarioFile() throws Exception {
        Path log = dir.resolve("usage.csv");
        Files.writeString(log, "prompt_tokens,completion_tokens\n1000,200\n3000,400\n");
        CliRun cost = run("cost-analyze", "--usage", log.toString(), "--input-column", "prompt_tokens",
                "--output-column", "completion_tokens", "--requests-per-day", "1000", "-m", "openai/gpt-4o-mini",
                "--format", "csv");
        assertEquals(ExitCodes.OK, cost.exitCode(), cost.err());
        String row = cost.out().lines().skip(1).findFirst().orElseThrow();
        // 2,000 in / 300 out on average: (2,000 × 0.15 + 300 × 0.60) / 1M = $0.00048 a request, $0.48 a day.
        assertTrue(row.startsWith("usage.csv,1,openai/gpt-4o-mini,true,0.00048,0.48,0.48,14.4,14.4,14.4,30000,"),
                row);
    }

    @Test
    void unpricedModelsAreALineNotAZeroCost() {
        CliRun some = run("cost-analyze", "scenarios/cost-nightly-batch.yaml", "-m", "openai/gpt-5-nano", "-m",
                "openai/gpt-9-ultra");
        assertEquals(ExitCodes.OK, some.exitCode(), some.err());
        assertTrue(some.err().contains("warning: no price for 'openai/gpt-9-ultra'"), some.err());
        assertTrue(some.out().contains("Models without a price (not costed)"), some.out());
        CliRun none = run("cost-analyze", "scenarios/cost-nightly-batch.yaml", "-m", "openai/gpt-9-ultra");
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertEquals("yardstick: error: no price for 'openai/gpt-9-ultra': import one (yardstick pricing import "
                + "FILE) or set models.'openai/gpt-9-ultra'.price in the config file", none.err().strip());
        assertTrue(none.out().isEmpty());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "models: [openai/gpt-5-mini]\nvolume:\n  requests-per-day: -3\ntokens: {input: 1, output: 1}\n");
        CliRun malformed = run("cost-analyze", bad.toString());
        assertEquals(ExitCodes.USAGE, malformed.exitCode());
        assertTrue(malformed.err().strip().matches("yardstick: error: .*bad\\.yaml:\\d+: field 'volume': "
                + "'requests-per-day' must not be negative, got -3\\.0"), malformed.err());
        CliRun noReport = run("cost-analyze", "scenarios/cost-support-bot.yaml", "--min-pass-rate", "0.9");
        assertEquals(ExitCodes.USAGE, noReport.exitCode());
        assertTrue(noReport.err().contains("--report FILE"), noReport.err());
        CliRun nothing = run("cost-analyze");
        assertEquals(ExitCodes.USAGE, nothing.exitCode());
        assertEquals(1, nothing.err().strip().lines().count(), nothing.err());
        CliRun share = run("cost-analyze", "scenarios/cost-support-bot.yaml", "--cache-share", "1.5");
        assertEquals(ExitCodes.USAGE, share.exitCode());
        assertTrue(share.err().contains("'cache-share' must be a share between 0 and 1, got 1.5"), share.err());
    }

    @Test
    void pricingListShowAndImport() throws Exception {
        CliRun list = run("pricing", "list", "--provider", "anthropic", "--format", "csv");
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().lines().skip(1).allMatch(l -> l.startsWith("anthropic/")), list.out());
        assertTrue(list.out().lines().count() >= 6, list.out());

        CliRun show = run("pricing", "show", "anthropic/claude-haiku-4-5-20251001");
        assertEquals(ExitCodes.OK, show.exitCode(), show.err());
        assertTrue(show.out().contains("priced as") && show.out().contains("anthropic/claude-haiku-4-5"), show.out());
        assertTrue(show.out().contains("$1.25 per 1M tokens"), show.out());
        CliRun unknown = run("pricing", "show", "openai/gpt-9-ultra");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());

        Path prices = dir.resolve("prices.yaml");
        Path source = dir.resolve("litellm.json");
        Files.writeString(source, """
                {"gpt-4o-mini": {"input_cost_per_token": 1e-07, "output_cost_per_token": 4e-07,
                                 "litellm_provider": "openai", "mode": "chat"}}
                """);
        Map<String, String> env = Map.of("YARDSTICK_PRICES", prices.toString());
        CliRun imported = CliRun.of(env, null, "pricing", "import", source.toString(), "--as-of", "2026-08-01");
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("Imported 1 prices (litellm format) into " + prices + ": 0 new, 1 "
                + "replaced"), imported.out());
        assertTrue(imported.out().contains("input $0.15 → $0.10"), "the change is shown: " + imported.out());
        CliRun after = CliRun.of(env, null, "pricing", "show", "openai/gpt-4o-mini", "--format", "json");
        JsonNode row = JSON.readTree(after.out()).path("price");
        assertEquals(0.1, row.path("input").asDouble(), 1e-12, "the override wins over the bundled $0.15");
        assertEquals("USER", row.path("origin").asText());
        assertEquals("2026-08-01", row.path("asOf").asText());
        CliRun missing = run("pricing");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertFalse(missing.err().contains("Exception"), missing.err());
    }
    @Test
    void minContextIsJudgedOnTheMaximumInput() {
        // gpt-5-nano: a 400,000-token window, but at most 272,000 of it input.
        CliRun cost = run("cost-analyze", "scenarios/cost-support-bot.yaml", "-m", "openai/gpt-5-nano", "-m",
                "openai/gpt-4.1-mini", "--min-context", "300000");
        assertEquals(ExitCodes.OK, cost.exitCode(), cost.err());
        assertTrue(cost.out().contains("Recommended: openai/gpt-4.1-mini"), cost.out());
        assertTrue(cost.out().contains("its maximum input of 272,000 is under the 300,000 required"), cost.out());
        CliRun fits = run("cost-analyze", "scenarios/cost-support-bot.yaml", "-m", "openai/gpt-5-nano", "-m",
                "openai/gpt-4.1-mini", "--min-context", "272000");
        assertTrue(fits.out().contains("Recommended: openai/gpt-5-nano"), fits.out());
    }

    @Test
    void aCacheShareBillsCacheWritesWhereTheProviderBillsThemInTheirOwnColumn() throws Exception {
        String[] base = {"cost-analyze", "scenarios/cost-support-bot.yaml", "-m", "anthropic/claude-haiku-4-5",
                "-m", "openai/gpt-5-mini"};
        CliRun table = run(concat(base, "--cache-share", "0.5"));
        assertEquals(ExitCodes.OK, table.exitCode(), table.err());
        assertTrue(table.out().contains("cache write"), "its own column: " + table.out());
        assertTrue(table.out().contains("0.2 tokens written per token read (cache-writes-per-read) where writes are "
                + "billed apart (10% of input)"), table.out());

        Csv cached = Csv.of(run(concat(base, "--cache-share", "0.5", "--format", "csv")));
        Csv noWrites = Csv.of(run(concat(base, "--cache-share", "0.5", "--cache-writes-per-read", "0", "--format",
                "csv")));
        String haiku = "anthropic/claude-haiku-4-5";
        assertEquals("0.1", cached.get(haiku, "cache_write_share"), "0.2 written per token read at 50% read");
        assertTrue(cached.number(haiku, "cache_write_usd") > 0, cached.rows().get(haiku).toString());
        assertEquals("0", cached.get("openai/gpt-5-mini", "cache_write_usd"), "automatic caching bills no writes");
        assertEquals("0", noWrites.get(haiku, "cache_write_usd"));
        // 10% of input moves from $1.00 to $1.25: the write costs 0.25 × what that input cost, and no more.
        double extra = cached.number(haiku, "period_usd") - noWrites.number(haiku, "period_usd");
        assertEquals(cached.number(haiku, "cache_write_usd") / 1.25 * 0.25, extra, 1e-6);
        assertEquals(cached.get("openai/gpt-5-mini", "period_usd"), noWrites.get("openai/gpt-5-mini", "period_usd"));
    }

    @Test
    void moneyIsShownToTheCentAtEverySize() throws Exception {
        // Sonnet over a quarter of a growing support bot costs tens of thousands of dollars.
        String[] args = {"cost-analyze", "scenarios/cost-support-bot.yaml", "-m", "anthropic/claude-sonnet-4-6", "-m",
                "openai/gpt-5-nano"};
        CliRun table = run(args);
        assertEquals(ExitCodes.OK, table.exitCode(), table.err());
        double period = Csv.of(run(concat(args, "--format", "csv"))).number("anthropic/claude-sonnet-4-6",
                "period_usd");
        assertTrue(period > 10_000, "a sum that was rounded to whole dollars: " + period);
        assertTrue(table.out().contains(String.format(java.util.Locale.ROOT, "$%,.2f", period)), table.out());
        java.util.regex.Matcher amounts = java.util.regex.Pattern.compile("\\$[0-9][0-9,]*(\\.[0-9]+)?")
                .matcher(table.out());
        int found = 0;
        while (amounts.find()) {
            found++;
            assertTrue(amounts.group().contains("."), "every amount to the cent: " + amounts.group());
        }
        assertTrue(found > 20, "amounts found: " + found);
    }

    /** The cost CSV by model; the columns read here come before any field that could hold a quoted comma. */
    private record Csv(List<String> header, Map<String, List<String>> rows) {

        static Csv of(CliRun csv) {
            assertEquals(ExitCodes.OK, csv.exitCode(), csv.err());
            List<String> lines = csv.out().lines().toList();
            Map<String, List<String>> rows = new HashMap<>();
            lines.stream().skip(1).map(l -> List.of(l.split(",", -1))).forEach(cells -> rows.put(cells.get(2), cells));
            return new Csv(List.of(lines.get(0).split(",")), rows);
        }

        String get(String model, String column) {
            assertTrue(header.contains(column), column + " in " + header);
            assertTrue(rows.containsKey(model), model + " in " + rows.keySet());
            return rows.get(model).get(header.indexOf(column));
        }

        double number(String model, String column) {
            return Double.parseDouble(get(model, column));
        }
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
