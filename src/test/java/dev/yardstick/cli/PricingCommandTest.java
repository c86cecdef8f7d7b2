package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pricing import through the real Main: dates kept, newer prices kept, malformed files and bad paths answered. */
class PricingCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHARED = Path.of("..", "shared", "data", "prices");

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("YARDSTICK_PRICES", dir.resolve("prices.yaml").toString(), "COLUMNS", "200");
    }

    private CliRun run(String... args) {
        return CliRun.of(env(), null, args);
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertOneErrorLine(CliRun run, String expected) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals("yardstick: error: " + expected, run.err().strip());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void anOldSnapshotKeepsTheNewerBundledPricesAndSaysWhy() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "the shared price snapshots are next to the project");
        String snapshot = SHARED.resolve("litellm-model_prices.json").toString();
        CliRun imported = run("pricing", "import", snapshot, "--as-of", "2025-09-01", "--format", "json");
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
        assertTrue(imported.err().isEmpty(), "--as-of given: nothing to warn about: " + imported.err());
        JsonNode report = JSON.readTree(imported.out());
        assertEquals("2025-09-01", report.at("/dated/given with --as-of/earliest").asText());
        assertEquals(0, report.path("replaced").size());
        JsonNode small = null;
        for (JsonNode kept : report.path("kept")) {
            if (kept.path("model").asText().equals("mistral/mistral-small-latest")) {
                small = kept;
            }
        }
        assertTrue(small != null, report.path("kept").toString());
        assertEquals("input $0.15 → $0.10", small.path("differences").get(0).asText());
        assertEquals("2026-07-02", small.at("/before/asOf").asText());
        assertEquals("2025-09-01", small.at("/after/asOf").asText());

        CliRun show = run("pricing", "show", "mistral/mistral-small-latest", "--format", "json");
        assertEquals(0.15, JSON.readTree(show.out()).at("/price/input").asDouble(), 1e-12, "the newer price stays");

        CliRun table = run("pricing", "import", snapshot, "--as-of", "2025-09-01");
        assertTrue(table.out().contains("Kept: the price in force is newer, or undated"), table.out());
        assertTrue(table.out().matches("(?s).*mistral/mistral-small-latest +bundled mistral/mistral-small-2603, as of"
                + " .*input \\$0\\.15 → \\$0\\.10; output \\$0\\.60 → \\$0\\.30.*"), table.out());

        CliRun forced = run("pricing", "import", snapshot, "--as-of", "2025-09-01", "--force", "--format", "csv");
        assertEquals(ExitCodes.OK, forced.exitCode(), forced.err());
        assertTrue(forced.out().lines().anyMatch(l -> l.startsWith("mistral/mistral-small-latest,replaced,"
                + "mistral/mistral-small-2603,bundled,2026-07-02,2025-09-01,\"input $0.15 → $0.10;")), forced.out());
        CliRun after = run("pricing", "show", "mistral/mistral-small-latest", "--format", "json");
        assertEquals(0.10, JSON.readTree(after.out()).at("/price/input").asDouble(), 1e-12);
    }

    @Test
    void withoutAnAsOfTheFilesTimeIsUsedAndAWarningSaysSo() throws Exception {
        Path source = file("litellm.json", """
                {"gpt-3.5-turbo": {"litellm_provider": "openai", "mode": "chat",
                                   "input_cost_per_token": 5e-07, "output_cost_per_token": 1.5e-06}}
                """);
        CliRun imported = run("pricing", "import", source.toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
        assertTrue(imported.err().startsWith("yardstick: warning: 1 row of " + source + " carries no date: dated "),
                imported.err());
        assertTrue(imported.out().contains("the file's modification time (1 rows)"), imported.out());
    }

    @Test
    void aMalformedPriceIsOneLineNamingFileLineModelAndField() throws Exception {
        Path source = file("litellm.json", """
                {
                  "gpt-3.5-turbo": {"litellm_provider": "openai", "mode": "chat",
                                    "input_cost_per_token": 5e-07, "output_cost_per_token": 1.5e-06},
                  "gpt-4o": {
                    "litellm_provider": "openai", "mode": "chat",
                    "input_cost_per_token": "cheap", "output_cost_per_token": 1e-05
                  }
                }
                """);
        assertOneErrorLine(run("pricing", "import", source.toString(), "--as-of", "2026-07-02"),
                source + ":6: 'gpt-4o', field 'input_cost_per_token': not a number: \"cheap\"; nothing imported "
                        + "(--skip-invalid imports the rest and lists what it skips)");
        assertFalse(Files.exists(dir.resolve("prices.yaml")), "nothing written");

        CliRun skipping = run("pricing", "import", source.toString(), "--as-of", "2026-07-02", "--skip-invalid");
        assertEquals(ExitCodes.OK, skipping.exitCode(), skipping.err());
        assertEquals("yardstick: warning: " + source + ":6: 'gpt-4o', field 'input_cost_per_token': not a number: "
                + "\"cheap\" (entry skipped)", skipping.err().strip());
        assertTrue(skipping.out().contains("Imported 1 prices (litellm format)"), skipping.out());
        assertTrue(skipping.out().contains(", 1 malformed."), skipping.out());
        assertTrue(skipping.out().contains("Malformed entries, skipped (1)"), skipping.out());
    }

    @Test
    void aPriceFileThatIsADirectoryIsAnInputError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("prices-dir"));
        Map<String, String> env = Map.of("YARDSTICK_PRICES", folder.toString());
        String expected = "YARDSTICK_PRICES names a directory, not a price file: " + folder + " (point it at a YAML "
                + "file, e.g. " + folder.resolve("prices.yaml") + ")";
        assertOneErrorLine(CliRun.of(env, null, "pricing", "list"), expected);
        assertOneErrorLine(CliRun.of(env, null, "pricing", "show", "openai/gpt-5-mini"), expected);
        assertOneErrorLine(CliRun.of(env, null, "cost-analyze", "scenarios/cost-support-bot.yaml"), expected);
        Path source = file("litellm.json", """
                {"gpt-3.5-turbo": {"litellm_provider": "openai", "mode": "chat",
                                   "input_cost_per_token": 5e-07, "output_cost_per_token": 1.5e-06}}
                """);
        assertOneErrorLine(CliRun.of(env, null, "pricing", "import", source.toString()), expected);
        assertOneErrorLine(run("pricing", "import", source.toString(), "--into", folder.toString()),
                "cannot write price file " + folder + ": it is a directory (name a YAML file)");
        assertOneErrorLine(run("pricing", "import", folder.toString()),
                "cannot read " + folder + ": it is a directory (name a price list, JSON)");
        assertOneErrorLine(run("pricing", "import", source.toString(), "--as-of", "2099-01-01"),
                "--as-of 2099-01-01 is in the future: give the date the prices were read");
    }
}
