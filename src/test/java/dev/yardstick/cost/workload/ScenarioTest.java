package dev.yardstick.cost.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.prices.PriceCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private InputException failure(String text) throws Exception {
        Path file = write("bad.yaml", text);
        return assertThrows(InputException.class, () -> Scenario.load(file));
    }

    @Test
    void readsVolumeTokensSharesAndModels() throws Exception {
        Scenario scenario = Scenario.load(write("chat.yaml", """
                description: a chat bot
                models: [openai/gpt-5-mini, anthropic/claude-haiku-4-5]
                volume:
                  requests-per-month: 300000
                  monthly-growth: 10
                  days: 75
                tokens:
                  distribution:
                    - {input: 1000, output: 200, weight: 3}
                    - {input: 5000, output: 600}
                cache-share: 0.5
                cache-write-share: 0.1
                batch-share: 0.2
                """));
        assertEquals("chat", scenario.name(), "named after the file");
        assertEquals(List.of("openai/gpt-5-mini", "anthropic/claude-haiku-4-5"), scenario.models());
        assertEquals(10_000, scenario.volume().baseDaily(), 1e-9);     // 300,000 / 30
        assertEquals(new Shares(0.5, 0.1, 0.2), scenario.shares());
        TokenProfile tokens = assertInstanceOf(Workload.Fixed.class, scenario.workload()).profile();
        assertEquals(2_000, tokens.meanInput(), 1e-9);                // (3 × 1,000 + 5,000) / 4
        assertEquals(300, tokens.meanOutput(), 1e-9);                 // (3 × 200 + 600) / 4
        assertEquals(24, scenario.hoursPerDay());
    }

    @Test
    void cacheWritesAreImpliedUnlessGivenAndTheirRateIsTheScenarios() throws Exception {
        Scenario implied = Scenario.load(write("implied.yaml", """
                models: [anthropic/claude-haiku-4-5]
                volume: {requests-per-day: 100}
                tokens: {input: 1000, output: 100}
                cache-share: 0.6
                cache-writes-per-read: 0.5
                """));
        assertEquals(new Shares(0.6, null, 0, 0.5), implied.shares());
        assertEquals(0.3, implied.shares().impliedCacheWrite(), 1e-12);
        InputException bad = failure("""
                models: [anthropic/claude-haiku-4-5]
                volume: {requests-per-day: 100}
                tokens: {input: 1000, output: 100}
                cache-share: 0.6
                cache-writes-per-read: -1
                """);
        assertTrue(bad.getMessage().matches(".*bad\\.yaml:\\d+: .*'cache-writes-per-read' must be a number of "
                + "tokens written per token read between 0 and 100.*"), bad.getMessage());
    }

    @Test
    void volumeGrowsOnceAMonthCompounded() {
        Volume volume = Volume.perDay(1_000, 10, 75);
        // month 0: 30 days × 1,000; month 1: 30 × 1,100; month 2: 15 days × 1,210
        assertEquals(30_000 + 33_000 + 18_150, volume.periodRequests(), 1e-6);
        assertEquals(30_000, volume.firstMonthRequests(), 1e-9);
        assertEquals(36_300, volume.peakMonthRequests(), 1e-6);        // 1,210 × 30
        assertEquals("1,000 requests/day, +10%/month, 75 days", volume.describe());
        assertEquals(1_000 * 30, Volume.perDay(1_000, 0, 30).periodRequests(), 1e-9);
    }

    @Test
    void negativeVolumeNamesFileLineAndField() throws Exception {
        InputException e = failure("""
                models: [openai/gpt-5-mini]
                volume:
                  requests-per-day: -5
                tokens: {input: 100, output: 10}
                """);
        assertTrue(e.getMessage().matches(".*bad\\.yaml:\\d+: field 'volume': 'requests-per-day' must not be "
                + "negative, got -5\\.0"), e.getMessage());
    }

    @Test
    void unknownFieldNamesItsLine() throws Exception {
        InputException e = failure("""
                models: [openai/gpt-5-mini]
                volume:
                  requests-per-day: 100
                  dayz: 30
                tokens: {input: 100, output: 10}
                """);
        assertTrue(e.getMessage().endsWith("bad.yaml:4: field 'volume.dayz': unknown field 'dayz' (did you mean "
                + "'days'?)"), e.getMessage());
    }

    @Test
    void malformedValuesAndMissingPartsAreOneLineEach() throws Exception {
        assertTrue(failure("""
                volume: {requests-per-day: 100, requests-per-month: 3000}
                tokens: {input: 100, output: 10}
                """).getMessage().contains("give exactly one of 'requests-per-day' and 'requests-per-month'"));
        assertTrue(failure("""
                volume: {requests-per-day: many}
                tokens: {input: 100, output: 10}
                """).getMessage().contains("bad.yaml:1: field 'volume.requests-per-day'"));
        assertTrue(failure("""
                volume: {requests-per-day: 100}
                tokens: {input: 100}
                """).getMessage().contains("field 'tokens': 'output' tokens per request are missing"));
        assertTrue(failure("""
                volume: {requests-per-day: 100}
                tokens: {input: 100, output: 10}
                cache-share: 0.8
                cache-write-share: 0.3
                """).getMessage().contains("'cache-share' + 'cache-write-share' cannot exceed 1"));
        assertTrue(failure("""
                volume: {requests-per-day: 100}
                tokens:
                  prompts:
                    - text: hello
                """).getMessage().contains("prompt 1 gives no 'output' tokens"));
        assertTrue(failure("""
                models: [gpt-4o]
                volume: {requests-per-day: 100}
                tokens: {input: 100, output: 10}
                """).getMessage().contains("malformed model name 'gpt-4o'"));
        InputException noTokens = failure("volume: {requests-per-day: 100}\n");
        assertTrue(noTokens.getMessage().contains("field 'tokens': missing"), noTokens.getMessage());
        InputException empty = failure("");
        assertTrue(empty.getMessage().endsWith("the file is empty"), empty.getMessage());
        InputException notYaml = failure("volume: [unclosed\n");
        assertTrue(notYaml.getMessage().startsWith(dir.resolve("bad.yaml").toString()), notYaml.getMessage());
        for (InputException e : List.of(noTokens, empty, notYaml)) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void shippedScenariosLoadAndEachComparesAtLeastTenCatalogModels() throws Exception {
        PriceCatalog catalog = PriceCatalog.bundled();
        List<Path> shipped;
        try (var files = Files.list(Path.of("scenarios"))) {
            // Cost scenarios are named cost-*.yaml; benchmark plans and conversation scripts live beside them.
            shipped = files.filter(f -> f.getFileName().toString().matches("cost-.*\\.yaml")).sorted().toList();
        }
        assertTrue(shipped.size() >= 2, shipped.toString());
        for (Path file : shipped) {
            Scenario scenario = Scenario.load(file);
            assertTrue(scenario.models().size() >= 10, file + ": " + scenario.models().size());
            for (String model : scenario.models()) {
                assertTrue(catalog.find(model).isPresent(), file + ": no price for " + model);
            }
        }
    }
}
