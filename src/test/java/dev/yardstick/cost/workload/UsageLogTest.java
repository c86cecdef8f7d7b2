package dev.yardstick.cost.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLogTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path file = dir.resolve("usage.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void rowsBecomeWeightedBucketsCacheSharesAndARate() throws Exception {
        UsageLog log = UsageLog.read(csv("""
                timestamp,input_tokens,cached_tokens,output_tokens
                2026-07-01T00:00:00Z,1000,400,100
                2026-07-01T12:00:00Z,1000,400,100
                2026-07-03T00:00:00Z,3000,0,500
                """), UsageColumns.DEFAULTS);
        assertEquals(3, log.requests().size());
        TokenProfile profile = log.profile();
        assertEquals(2, profile.buckets().size(), "identical requests share a bucket");
        assertEquals(2.0, profile.buckets().get(0).weight());
        assertEquals((2 * 1000 + 3000) / 3.0, profile.meanInput(), 1e-9);
        assertTrue(profile.basis().startsWith("observed (usage.csv, 3 requests)"));
        assertEquals(800.0 / 5000, log.cacheShare(), 1e-12);            // 400 + 400 cached of 5,000 input
        assertEquals(1.5, log.requestsPerDay().orElseThrow(), 1e-12);   // 3 requests over 2 days
    }

    @Test
    void columnsAreMappedAndAnthropicStyleInputExcludesTheCache() throws Exception {
        UsageLog log = UsageLog.read(csv("""
                in,read,written,out
                200,800,100,50
                """), new UsageColumns("in", "out", "read", "written", null, false));
        UsageLog.Request request = log.requests().get(0);
        assertEquals(1100, request.prompt());                           // 200 + 800 + 100
        assertEquals(800.0 / 1100, log.cacheShare(), 1e-12);
        assertEquals(100.0 / 1100, log.cacheWriteShare(), 1e-12);
        assertTrue(log.requestsPerDay().isEmpty(), "no timestamps, no rate");
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAndTheFlagToMapIt() throws Exception {
        Path file = csv("prompt_tokens,completion_tokens\n10,5\n");
        InputException e = assertThrows(InputException.class, () -> UsageLog.read(file, UsageColumns.DEFAULTS));
        assertEquals(file + ":1: field 'input_tokens': no such column (columns: prompt_tokens, completion_tokens); "
                + "name the right one with --input-column", e.getMessage());
        InputException named = assertThrows(InputException.class, () -> UsageLog.read(file,
                new UsageColumns("prompt_tokens", "completion_tokens", "cached", null, null, true)));
        assertTrue(named.getMessage().contains("field 'cached': no such column"), named.getMessage());
        UsageLog mapped = UsageLog.read(file, new UsageColumns("prompt_tokens", "completion_tokens", null, null,
                null, true));
        assertEquals(10, mapped.requests().get(0).prompt());
    }

    @Test
    void badValuesNameTheirLineAndColumn() throws Exception {
        Path words = csv("input_tokens,output_tokens\n10,5\n12,five\n");
        InputException e = assertThrows(InputException.class, () -> UsageLog.read(words, UsageColumns.DEFAULTS));
        assertEquals(words + ":3: field 'output_tokens': not a whole number of tokens: 'five'", e.getMessage());
        Path negative = csv("input_tokens,output_tokens\n-10,5\n");
        assertTrue(assertThrows(InputException.class, () -> UsageLog.read(negative, UsageColumns.DEFAULTS))
                .getMessage().contains(":2: field 'input_tokens': token counts must not be negative"));
        Path tooCached = csv("input_tokens,cached_tokens,output_tokens\n10,50,5\n");
        assertTrue(assertThrows(InputException.class, () -> UsageLog.read(tooCached, UsageColumns.DEFAULTS))
                .getMessage().contains("--cached-separate"));
        Path empty = csv("input_tokens,output_tokens\n");
        assertTrue(assertThrows(InputException.class, () -> UsageLog.read(empty, UsageColumns.DEFAULTS))
                .getMessage().endsWith("the usage log has no requests"));
        Path shortRow = csv("input_tokens,output_tokens\n10\n");
        assertTrue(assertThrows(InputException.class, () -> UsageLog.read(shortRow, UsageColumns.DEFAULTS))
                .getMessage().contains(":2: field 'output_tokens': empty"));
        assertTrue(assertThrows(InputException.class, () -> UsageLog.read(dir.resolve("none.csv"),
                UsageColumns.DEFAULTS)).getMessage().startsWith("file not found"));
    }

    @Test
    void aScenarioTakesItsTokensAndCacheSharesFromTheLog() throws Exception {
        Path log = csv("input_tokens,cached_tokens,output_tokens\n1000,500,100\n3000,500,300\n");
        Path scenarioFile = dir.resolve("s.yaml");
        Files.writeString(scenarioFile, """
                models: [openai/gpt-5-mini]
                volume: {requests-per-day: 100}
                batch-share: 0.5
                """);
        UsageLog usage = UsageLog.read(log, UsageColumns.DEFAULTS);
        Scenario scenario = usage.applyTo(Scenario.load(scenarioFile, usage.workload()));
        TokenProfile tokens = scenario.workload().profileFor("openai/gpt-5-mini", m -> null);
        assertEquals(2000, tokens.meanInput(), 1e-9);
        assertEquals(0.25, scenario.shares().cache(), 1e-12);           // 1,000 cached of 4,000
        assertEquals(0.5, scenario.shares().batch(), 1e-12, "the scenario's batch share stays");
        assertEquals(null, scenario.shares().cacheWrite(), "no cache-write column: the writes stay implied");

        UsageLog withWrites = UsageLog.read(csv("input_tokens,cached_tokens,cache_write_tokens,output_tokens\n"
                + "1000,500,0,100\n3000,500,0,300\n"), UsageColumns.DEFAULTS);
        Shares observed = withWrites.applyTo(Scenario.load(scenarioFile, withWrites.workload())).shares();
        assertEquals(0.0, observed.cacheWrite(), "a cache-write column is what happened: no writes");
    }
}
