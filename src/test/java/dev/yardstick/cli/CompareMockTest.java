package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare end to end on mock models: output structure in every format, stdin prompts, exit codes. */
class CompareMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonCarriesEverySampleAndASummaryPerModel() throws Exception {
        CliRun run = CliRun.of("compare", "-m", "mock/fast?ttft=20ms&itl=1ms&tokens=12", "-m",
                "mock/slow?ttft=150ms&itl=2ms&tokens=8", "-p", "Once upon a time", "--repeat", "3", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("compare", report.at("/run/command").asText());
        assertEquals(6, report.get("samples").size());
        for (JsonNode s : report.get("samples")) {
            assertTrue(s.get("ok").asBoolean());
            assertTrue(s.get("ttftMs").asDouble() <= s.get("e2eMs").asDouble());
            assertTrue(s.get("text").asText().length() > 0);
            assertEquals("reported", s.at("/tokens/outputSource").asText());
        }
        assertEquals(2, report.get("summary").size());
        JsonNode fast = report.get("summary").get(0);
        assertEquals("mock/fast?ttft=20ms&itl=1ms&tokens=12", fast.get("model").asText());
        assertEquals(3, fast.at("/stats/requests/succeeded").asInt());
        assertEquals(36, fast.at("/stats/tokens/output").asInt());
        double fastTtft = fast.at("/stats/ttft/p50").asDouble();
        double slowTtft = report.get("summary").get(1).at("/stats/ttft/p50").asDouble();
        assertTrue(fastTtft >= 18 && fastTtft < slowTtft, fastTtft + " vs " + slowTtft);
        assertTrue(report.get("models").get(0).get("synthetic").asBoolean());
        assertTrue(report.get("metrics").has("ttft"));
    }

    @Test
    void tableShowsAnswersSideBySideAndTheSummary() {
        CliRun run = CliRun.of(Map.of("COLUMNS", "100"), null, "compare", "-m", "mock/fast", "-m", "mock/instant",
                "-p", "Hello");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Prompt: Hello"), run.out());
        assertTrue(run.out().contains("Summary per model"), run.out());
        assertTrue(run.out().lines().allMatch(l -> l.length() <= 100), run.out());
    }

    @Test
    void readsThePromptFromStdin() throws Exception {
        CliRun run = CliRun.of(Map.of(), "Tell me a story\n", "compare", "-m", "mock/instant", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Tell me a story", JSON.readTree(run.out()).at("/prompts/0/prompt").asText());
    }

    @Test
    void writesEveryOutputFileInItsFormat() throws Exception {
        Path json = dir.resolve("r.json");
        Path csv = dir.resolve("r.csv");
        Path md = dir.resolve("r.md");
        Path samples = dir.resolve("s.jsonl");
        CliRun run = CliRun.of("compare", "-m", "mock/instant", "--prompts", "prompts/stories.yaml", "-o",
                json.toString(), "-o", csv.toString(), "-o", md.toString(), "--samples", samples.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3, JSON.readTree(json.toFile()).get("samples").size());
        assertEquals(4, Files.readAllLines(csv).size(), "header and one row per sample");
        assertTrue(Files.readAllLines(csv).get(0).startsWith("sequence,model,prompt_id"));
        assertTrue(Files.readString(md).startsWith("# Yardstick compare"));
        assertEquals(3, Files.readAllLines(samples).size(), "one JSONL line per sample");
    }

    @Test
    void checksFromThePromptSetAreCounted() throws Exception {
        Path prompts = dir.resolve("p.yaml");
        Files.writeString(prompts, """
                prompts:
                  - id: a
                    prompt: hi
                    expect: {max-tokens: 5, not-contains: ["zebra"]}
                """);
        CliRun run = CliRun.of("compare", "-m", "mock/instant?tokens=20", "--prompts", prompts.toString(), "--format",
                "json");
        JsonNode summary = JSON.readTree(run.out()).get("summary").get(0);
        assertEquals(1, summary.get("checksPassed").asInt(), "not-contains passes, max-tokens 5 fails on 20");
        assertEquals(2, summary.get("checksTotal").asInt());
    }

    @Test
    void everyRequestFailingExitsThree() {
        CliRun run = CliRun.of("compare", "-m", "mock/flaky?error-rate=1", "-p", "x");
        assertEquals(ExitCodes.RUNTIME, run.exitCode());
        assertTrue(run.err().contains("every request failed"), run.err());
        assertTrue(run.out().contains("ERROR http-5xx"), "the report still shows what happened: " + run.out());
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("yardstick "), version.out());
        CliRun help = CliRun.of("compare", "--help");
        assertTrue(help.out().contains("--concurrency"), help.out());
    }
}
