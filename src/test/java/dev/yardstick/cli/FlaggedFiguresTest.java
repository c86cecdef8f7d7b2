package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures that need a second look are named, not passed over: answers shorter than asked, the token source the
 * samples actually had, the client's own usage, and in compare's table the error classes and the failed checks.
 */
class FlaggedFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void benchmarkWarnsWhenAnswersFallShortOfTheOutputLengthAsked() throws Exception {
        // The mock answers 20 tokens whatever is asked beyond that.
        CliRun run = CliRun.of("benchmark", "-m", "mock/fast?ttft=1ms&itl=1ms&tokens=20", "--requests", "10",
                "--output-tokens", "128", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        JsonNode flags = report.at("/steps/0/models/0/flags");
        assertEquals(128, flags.get("outputTokensAsked").asInt());
        assertEquals(10, flags.get("shortOfAsked").asInt());
        assertEquals(20, flags.get("shortestOutput").asInt());
        assertEquals("reported", report.at("/models/0/tokenSource").asText(),
                "the model's source is what its samples had (the mock reports usage)");
        assertEquals(10, report.at("/steps/0/models/0/tokens/outputSources/reported").asInt(), "as they say");
        assertTrue(report.at("/steps/0/client/cpuPercentOfCore").isNumber(), "the client's usage is recorded");
        assertTrue(report.at("/steps/0/client/heapPeakBytes").asLong() > 0);

        CliRun table = CliRun.of("benchmark", "-m", "mock/fast?ttft=1ms&itl=1ms&tokens=20", "--requests", "10",
                "--output-tokens", "128", "--format", "markdown");
        assertTrue(table.out().contains("10 of 10 answers were shorter than the 128 output tokens asked (shortest"
                + " 20)"), table.out());
        assertTrue(table.out().contains("client"), "the client's line is in the report");

        CliRun met = CliRun.of("benchmark", "-m", "mock/fast?ttft=1ms&itl=1ms&tokens=20", "--requests", "5",
                "--output-tokens", "20", "--format", "markdown");
        assertTrue(!met.out().contains("shorter than"), "asked 20, answered 20: no warning. " + met.out());
    }

    @Test
    void compareTableNamesErrorClassesAndFailedChecks() throws Exception {
        Path prompts = dir.resolve("p.yaml");
        Files.writeString(prompts, """
                name: flagged
                prompts:
                  - id: a
                    prompt: "Hello"
                    expect:
                      contains: [zzz-never]
                """);
        CliRun run = CliRun.of("compare", "-m", "mock/fast?ttft=1ms&itl=0ms&tokens=3", "-m",
                "mock/fast?ttft=1ms&error-rate=1", "--prompts", prompts.toString(), "--repeat", "2", "--format",
                "table", "--no-color");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("http-5xx 2"), "the error class, not only a count: " + run.out());
        assertTrue(run.out().contains("failed: contains \"zzz-never\" ×2"), "the failed check by name: " + run.out());

        CliRun json = CliRun.of("compare", "-m", "mock/fast?ttft=1ms&itl=0ms&tokens=3", "-p", "Hi", "--format", "json");
        JsonNode report = JSON.readTree(json.out());
        assertEquals("reported", report.at("/models/0/tokenSource").asText());
        assertTrue(report.at("/client/cpuPercentOfCore").isNumber(), "compare records the client's usage too");
    }
}
