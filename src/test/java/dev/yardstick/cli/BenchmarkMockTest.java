package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** benchmark end to end on mock models: the metric set, every format, sweeps, gates, baselines, journals, exits. */
class BenchmarkMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 10 ms to the first token, then 2 ms per token, 6 tokens: E2E about 20 ms. */
    private static final String FAST = "mock/fast?ttft=10ms&itl=2ms&tokens=6&jitter=0";

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    @Test
    void jsonCarriesTheFullMetricSetWithHistograms() throws Exception {
        CliRun run = CliRun.of("benchmark", "-m", FAST, "--concurrency", "4", "--requests", "40", "--warmup", "4",
                "--slo", "ttft=500ms", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals("benchmark", report.at("/run/command").asText());
        assertEquals(4, report.at("/run/settings/concurrency").asInt(), "the plan travels with the report");
        JsonNode stats = report.at("/steps/0/models/0");
        assertEquals(FAST, stats.get("model").asText());
        assertEquals(40, stats.at("/requests/attempted").asInt());
        assertEquals(40, stats.at("/requests/succeeded").asInt());
        assertEquals(4, stats.at("/requests/warmupsSkipped").asInt(), "warm-up counted apart, in no figure");
        for (String metric : List.of("ttft", "itl", "tpot", "e2e", "queue", "outputRate")) {
            JsonNode m = stats.get(metric);
            assertTrue(m.get("count").asLong() > 0, metric);
            for (String field : List.of("p50", "p90", "p95", "p99", "p999", "max", "mean", "stddev", "medianCiLow",
                    "medianCiHigh", "formula")) {
                assertTrue(m.has(field), metric + "." + field);
            }
            assertTrue(m.get("histogram").asText().length() > 10, metric + " keeps its histogram");
        }
        assertEquals(200, stats.at("/itl/count").asInt(), "every gap of every request: 40 × 5");
        double ttft = stats.at("/ttft/p50").asDouble();
        assertTrue(ttft >= 10 && ttft < 60, "injected 10 ms: " + ttft);
        assertTrue(stats.get("requestThroughput").asDouble() > 0);
        assertTrue(stats.get("outputTokensPerSecond").asDouble() > 0);
        assertEquals(stats.get("requestThroughput").asDouble(), stats.get("goodput").asDouble(), 1e-9);
        assertEquals(240, stats.at("/tokens/output").asInt());
        assertTrue(report.at("/definitions/ttft").asText().contains("first chunk of generated tokens"));
        assertTrue(report.at("/models/0/synthetic").asBoolean());
    }

    @Test
    void everyFormatRendersASweep() throws Exception {
        Path csv = dir.resolve("r.csv");
        Path md = dir.resolve("r.md");
        CliRun run = CliRun.of("benchmark", "-m", FAST, "--sweep", "concurrency=1,2", "--requests", "6", "-o",
                csv.toString(), "-o", md.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Step 1: concurrency=1") && run.out().contains("Step 2: concurrency=2"),
                run.out());
        assertTrue(run.out().contains("Sweep"), "a sweep ends with its summary: " + run.out());
        assertTrue(run.err().contains("step 2/2 concurrency=2:"), "one log line per step: " + run.err());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.getFirst().startsWith("step,load,shard_load,model,figure,unit,value,count,mean"));
        long perStep = rows.stream().filter(r -> r.startsWith("1,concurrency=1,")).count();
        assertEquals(perStep, rows.stream().filter(r -> r.startsWith("2,concurrency=2,")).count());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("2,concurrency=2,," + FAST + ",ttft,ms,")), "a metric row");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("1,concurrency=1,," + FAST + ",throughput,req/s,")));
        assertTrue(Files.readString(md).startsWith("# Yardstick benchmark"));
        assertTrue(Files.readString(md).contains("| TTFT (ms) |"));
    }

    @Test
    void aSweepStopsAfterAStepOverTheErrorBudget() throws Exception {
        CliRun run = CliRun.of("benchmark", "-m", "mock/fast?ttft=1ms&itl=1ms&tokens=2&error-rate=0.3",
                "--sweep", "concurrency=1,2,4", "--requests", "20", "--format", "json");
        assertEquals(0, run.exitCode(), "a run that measured is not a failure without a gate: " + run.err());
        JsonNode report = json(run);
        assertEquals(1, report.get("steps").size());
        assertTrue(report.at("/steps/0/overBudget").asBoolean());
        assertTrue(report.get("stoppedEarly").asText().contains("over the error budget of 1%"));
        assertTrue(report.at("/steps/0/models/0/requests/errors/http-5xx").asInt() > 0);
    }

    @Test
    void aFailedGateExitsOneAndItsMarkdownSaysWhy() throws Exception {
        CliRun run = CliRun.of("benchmark", "-m", FAST, "--requests", "10", "--fail-if", "p95(ttft) > 5ms",
                "--fail-if", "error_rate > 1%", "--format", "markdown");
        assertEquals(ExitCodes.GATE_FAILED, run.exitCode(), run.err());
        assertTrue(run.out().contains("> **FAILED: 1 of 2 gate checks.**"), run.out());
        assertTrue(run.out().matches("(?s).*\\| FAIL \\| p95\\(ttft\\) > 5ms \\| concurrency=1 \\| .* \\| p95\\(ttft\\)"
                + " = \\d+(\\.\\d+)? ms > 5 ms \\(only 10 values: p95 is the max\\) \\|.*"), run.out());
        assertTrue(run.out().contains("| pass | error_rate > 1% |"), run.out());
        assertTrue(run.err().contains("1 gate check failed"), run.err());
    }

    @Test
    void aRegressionAgainstTheBaselineFailsAndSaysByHowMuch() throws Exception {
        Path base = dir.resolve("base.json");
        CliRun first = CliRun.of("benchmark", "-m", FAST, "--requests", "10", "-o", base.toString());
        assertEquals(0, first.exitCode(), first.err());
        CliRun slower = CliRun.of("benchmark", "-m", "mock/fast?ttft=80ms&itl=2ms&tokens=6&jitter=0", "--requests",
                "10", "--baseline", base.toString(), "--max-regression", "10%", "--format", "markdown");
        assertEquals(ExitCodes.GATE_FAILED, slower.exitCode(), slower.err());
        assertTrue(slower.out().matches("(?s).*\\| FAIL \\| max-regression 10% vs base.json \\| concurrency=1 \\| .*"
                + "p50\\(ttft\\): \\d+(\\.\\d+)? ms → \\d+(\\.\\d+)? ms \\(\\+\\d+%\\), worse than the 10% allowed,"
                + " significant at 95% \\|.*"), slower.out());
        CliRun same = CliRun.of("benchmark", "-m", FAST, "--requests", "10", "--baseline", base.toString(),
                "--max-regression", "500%");
        assertEquals(0, same.exitCode(), same.out() + same.err());
    }

    @Test
    void aBaselineWithoutTheStepNeverPasses() throws Exception {
        Path base = dir.resolve("base.json");
        assertEquals(0, CliRun.of("benchmark", "-m", FAST, "--requests", "4", "-o", base.toString()).exitCode());

        // Nothing in common: refused before anything runs, whatever the new run would have measured.
        CliRun other = CliRun.of("benchmark", "-m", "mock/fast?ttft=400ms", "--concurrency", "2", "--requests", "4",
                "--baseline", base.toString());
        assertEquals(ExitCodes.USAGE, other.exitCode(), other.out());
        assertTrue(other.err().contains("no step and model in common") && other.err().lines().count() == 1,
                other.err());
        assertTrue(other.out().isEmpty(), other.out());

        // A sweep whose second step the baseline lacks: that step's gate is not comparable, and fails.
        CliRun sweep = CliRun.of("benchmark", "-m", FAST, "--sweep", "concurrency=1,2", "--requests", "4",
                "--baseline", base.toString(), "--max-regression", "500%", "--format", "json");
        assertEquals(ExitCodes.GATE_FAILED, sweep.exitCode(), sweep.err());
        JsonNode gates = JSON.readTree(sweep.out()).get("gates");
        boolean notComparable = false;
        for (JsonNode g : gates) {
            if (g.get("step").asText().equals("concurrency=2")) {
                notComparable = g.get("failed").asBoolean() && g.get("message").asText().startsWith("not comparable");
            }
        }
        assertTrue(notComparable, gates.toString());
    }

    @Test
    void samplesAreJournaledOneLinePerMeasuredRequest() throws Exception {
        Path samples = dir.resolve("s.jsonl");
        CliRun run = CliRun.of("benchmark", "-m", FAST, "--requests", "12", "--warmup", "3", "--concurrency", "3",
                "--samples", samples.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(samples);
        assertEquals(12, lines.size(), "warm-ups are not journaled");
        java.util.Set<Long> sequences = new java.util.TreeSet<>();
        for (String line : lines) {
            JsonNode s = JSON.readTree(line);
            assertEquals(1, s.get("step").asInt());
            assertEquals("concurrency=3", s.get("load").asText());
            assertTrue(s.get("ttftMs").asDouble() > 0 && s.get("ok").asBoolean());
            sequences.add(s.get("sequence").asLong());
        }
        assertEquals(java.util.stream.LongStream.range(0, 12).boxed().toList(), List.copyOf(sequences));
    }

    @Test
    void aScenarioFileRunsAndFlagsOverrideIt() throws Exception {
        Path scenario = dir.resolve("smoke.yaml");
        Files.writeString(scenario, "name: smoke\nmodels: ['" + FAST + "']\nconcurrency: 2\nrequests: 50\n"
                + "fail-if: ['p95(e2e) > 1h']\n");
        CliRun run = CliRun.of("benchmark", scenario.toString(), "--requests", "5", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(5, report.at("/steps/0/models/0/requests/attempted").asInt());
        assertEquals("concurrency=2", report.at("/steps/0/load").asText());
        assertEquals("smoke", report.at("/run/settings/name").asText());
        assertFalse(report.at("/gates/0/failed").asBoolean());
    }

    @Test
    void rateModeReportsLatenessAndQueueing() throws Exception {
        CliRun run = CliRun.of("benchmark", "-m", FAST, "--rate", "100", "--requests", "20", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode step = json(run).at("/steps/0");
        assertEquals("rate=100/s", step.get("load").asText());
        assertEquals("constant", step.get("arrival").asText());
        assertEquals(20, step.at("/lateness/dispatched").asInt());
        assertTrue(step.at("/lateness/lateStarts").asInt() >= 0);
        assertTrue(step.at("/models/0/queue/count").asInt() == 20);
    }

    @Test
    void everyRequestFailingExitsThree() {
        CliRun run = CliRun.of("benchmark", "-m", "mock/flaky?error-rate=1&ttft=1ms", "--requests", "5");
        assertEquals(ExitCodes.RUNTIME, run.exitCode());
        assertTrue(run.err().contains("nothing was measured: every request failed (http-5xx 5)"), run.err());
        assertTrue(run.out().contains("errors"), "the report still shows what happened: " + run.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("benchmark", "-m", "mock/fast", "--rate", "5", "--concurrency", "2");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("yardstick: error: --rate runs open-loop"), run.err());
        CliRun noModel = CliRun.of("benchmark", "--requests", "3");
        assertEquals(ExitCodes.USAGE, noModel.exitCode());
        assertTrue(noModel.err().contains("no model to benchmark"), noModel.err());
    }
}
