package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cost-analyze on every kind of run report, as --usage (the tokens, and the candidates when no -m is given) and as
 * --report (the latency and pass rate the constraints are judged on): each figure is checked against the report.
 */
class CostAnalyzeEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EPS = 1e-9;
    private static final String MOCK = "mock/fast?ttft=1ms&itl=0ms&tokens=20";

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of("YARDSTICK_PRICES", dir.resolve("no-prices.yaml").toString(), "COLUMNS", "200"),
                null, args);
    }

    /** The costed scenario of a JSON cost report, each ranked model by name. */
    private static Map<String, JsonNode> ranked(CliRun cost) throws Exception {
        assertEquals(ExitCodes.OK, cost.exitCode(), cost.err());
        Map<String, JsonNode> byModel = new LinkedHashMap<>();
        JSON.readTree(cost.out()).at("/scenarios/0/ranked").forEach(c -> byModel.put(c.path("model").asText(), c));
        return byModel;
    }

    /** A benchmark report's totals per model over its steps: succeeded, input, output, and the slowest p95. */
    private static Map<String, double[]> benchmarkTotals(Path report) throws Exception {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (JsonNode step : JSON.readTree(report.toFile()).path("steps")) {
            for (JsonNode m : step.path("models")) {
                double[] t = totals.computeIfAbsent(m.path("model").asText(), k -> new double[4]);
                t[0] += m.at("/requests/succeeded").asDouble();
                t[1] += m.at("/tokens/input").asDouble();
                t[2] += m.at("/tokens/output").asDouble();
                t[3] = Math.max(t[3], m.at("/e2e/p95").asDouble());
            }
        }
        return totals;
    }

    private void assertCostedWithTheMeans(Path report, Map<String, double[]> totals) throws Exception {
        String name = report.getFileName().toString();
        Map<String, JsonNode> own = ranked(run("cost-analyze", "--usage", report.toString(), "--requests-per-day",
                "1000", "--format", "json"));
        assertEquals(List.copyOf(totals.keySet()), List.copyOf(own.keySet()), "no -m: the report's models");
        totals.forEach((model, t) -> {
            JsonNode cost = own.get(model);
            assertEquals(t[1] / t[0], cost.path("meanInputTokens").asDouble(), EPS, model);
            assertEquals(t[2] / t[0], cost.path("meanOutputTokens").asDouble(), EPS, model);
            assertEquals("observed in " + name + " (mean per request)", cost.path("tokenBasis").asText());
        });
        Map<String, JsonNode> other = ranked(run("cost-analyze", "--usage", report.toString(), "--requests-per-day",
                "1000", "-m", "openai/gpt-5-mini", "--format", "json"));
        JsonNode mini = other.get("openai/gpt-5-mini");
        double succeeded = totals.values().stream().mapToDouble(t -> t[0]).sum();
        assertEquals(totals.values().stream().mapToDouble(t -> t[1]).sum() / succeeded,
                mini.path("meanInputTokens").asDouble(), EPS, "the run's means, weighted by its requests");
        assertEquals("observed in " + name + " (mean per request, their tokenizers)", mini.path("tokenBasis").asText());
        assertEquals(1000 * 30, mini.path("requests").asDouble(), EPS);
        assertTrue(mini.path("period").asDouble() > 0);
    }

    /** --report with a p95 limit under the report's: rejected, the reason naming the slowest step's p95. */
    private void assertLatencyJudged(Path report, String model, double p95Ms) {
        CliRun tight = run("cost-analyze", "scenarios/cost-support-bot.yaml", "-m", model, "--report",
                report.toString(), "--max-p95-latency", "100us");
        assertEquals(ExitCodes.GATE_FAILED, tight.exitCode(), tight.err() + tight.out());
        String p95 = Durations.format(Duration.ofNanos(Math.round(p95Ms * 1e6)));
        assertTrue(tight.out().contains("its p95 latency of " + p95 + " is over 100µs (" + report.getFileName()
                + ")"), tight.out());
        CliRun loose = run("cost-analyze", "scenarios/cost-support-bot.yaml", "-m", model, "--report",
                report.toString(), "--max-p95-latency", "10s");
        assertEquals(ExitCodes.OK, loose.exitCode(), loose.err() + loose.out());
        assertTrue(loose.out().contains("Recommended: " + model), loose.out());
    }

    @Test
    void theExampleBenchmarkReportGivesItsTokensModelsAndLatency() throws Exception {
        Path report = Path.of("reports", "benchmark-local.json");
        Map<String, double[]> totals = benchmarkTotals(report);
        assertEquals(List.of("local/stories260k"), List.copyOf(totals.keySet()));
        assertCostedWithTheMeans(report, totals);
        assertLatencyJudged(report, "local/stories260k", totals.get("local/stories260k")[3]);
    }

    @Test
    void aSweepAndAMergedBenchmarkReportAddUpTheirStepsAndShards() throws Exception {
        Path sweep = dir.resolve("sweep.json");
        CliRun bench = run("benchmark", "-m", MOCK, "--sweep", "concurrency=1,2", "--requests", "20", "--warmup", "0",
                "-o", sweep.toString());
        assertEquals(ExitCodes.OK, bench.exitCode(), bench.err());
        Map<String, double[]> totals = benchmarkTotals(sweep);
        assertEquals(40, totals.get(MOCK)[0], EPS, "both steps' requests");
        assertCostedWithTheMeans(sweep, totals);
        assertLatencyJudged(sweep, MOCK, totals.get(MOCK)[3]);

        List<String> shards = new ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            Path part = dir.resolve("shard" + shard.charAt(0) + ".json");
            assertEquals(ExitCodes.OK, run("benchmark", "-m", MOCK, "--requests", "20", "--concurrency", "2",
                    "--warmup", "0", "--shard", shard, "-o", part.toString()).exitCode());
            shards.add(part.toString());
        }
        Path merged = dir.resolve("merged.json");
        assertEquals(ExitCodes.OK, run("report", "merge", shards.get(0), shards.get(1), "-o", merged.toString())
                .exitCode());
        Map<String, double[]> mergedTotals = benchmarkTotals(merged);
        assertEquals(20, mergedTotals.get(MOCK)[0], EPS, "both shards' requests");
        assertCostedWithTheMeans(merged, mergedTotals);
    }

    @Test
    void aSwitchTestReportGivesEachModelTheTurnsItAnswered() throws Exception {
        Path script = dir.resolve("handoff.yaml");
        String fast = "mock/fast?ttft=1ms&itl=0ms&tokens=10";
        String slow = "mock/slow?ttft=1ms&itl=0ms&tokens=5";
        Files.writeString(script, """
                name: handoff
                models:
                  first: %s
                  second: %s
                turns:
                  - user: Hello there, how are you today?
                  - user: Tell me a story about a red ball.
                    switch: second
                  - user: And what happened next?
                """.formatted(fast, slow));
        Path report = dir.resolve("switch.json");
        CliRun switchTest = run("switch-test", script.toString(), "-o", report.toString());
        assertEquals(ExitCodes.OK, switchTest.exitCode(), switchTest.err());
        // What each model was sent (the fitted history) and answered, over the turns it answered.
        Map<String, List<double[]>> turns = new LinkedHashMap<>();
        for (JsonNode turn : JSON.readTree(report.toFile()).at("/conversations/0/turns")) {
            turns.computeIfAbsent(turn.path("model").asText(), k -> new ArrayList<>()).add(new double[] {
                    turn.path("tokensAfter").asDouble(), turn.path("outputTokens").asDouble()});
        }
        assertEquals(List.of(fast, slow), List.copyOf(turns.keySet()));
        assertEquals(2, turns.get(slow).size());

        Map<String, JsonNode> costed = ranked(run("cost-analyze", "--usage", report.toString(),
                "--requests-per-day", "1000", "--report", report.toString(), "--min-pass-rate", "1",
                "--max-p95-latency", "10s", "--format", "json"));
        assertEquals(turns.keySet(), costed.keySet(), "no -m: the report's models");
        turns.forEach((model, sent) -> {
            JsonNode cost = costed.get(model);
            assertEquals(sent.stream().mapToDouble(t -> t[0]).average().orElseThrow(),
                    cost.path("meanInputTokens").asDouble(), EPS, model);
            assertEquals(sent.stream().mapToDouble(t -> t[1]).average().orElseThrow(),
                    cost.path("meanOutputTokens").asDouble(), EPS, model);
            assertTrue(cost.path("tokenBasis").asText().startsWith("observed in switch.json (counted"),
                    cost.path("tokenBasis").asText());
        });

        CliRun unchecked = run("cost-analyze", "scenarios/cost-support-bot.yaml", "-m", "openai/gpt-5-mini", "-m",
                fast, "--report", report.toString(), "--min-pass-rate", "1");
        assertEquals(ExitCodes.OK, unchecked.exitCode(), unchecked.err() + unchecked.out());
        assertTrue(unchecked.out().contains("Recommended: " + fast), "every check of its turns passed: "
                + unchecked.out());
        assertTrue(unchecked.out().contains("no pass rate was measured for it"), unchecked.out());
    }

    @Test
    void theExampleCompareReportGivesEachModelItsSamplesAndChecks() throws Exception {
        Path report = Path.of("reports", "compare-stories.json");
        JsonNode root = JSON.readTree(report.toFile());
        Map<String, List<JsonNode>> answered = new LinkedHashMap<>();
        root.path("summary").forEach(s -> answered.put(s.path("model").asText(), new ArrayList<>()));
        root.path("samples").forEach(s -> {
            if (s.path("ok").asBoolean()) {
                answered.get(s.path("model").asText()).add(s.path("tokens"));
            }
        });
        Map<String, JsonNode> costed = ranked(run("cost-analyze", "--usage", report.toString(), "--report",
                report.toString(), "--min-pass-rate", "1", "--requests-per-day", "1000", "--format", "json"));
        assertEquals(answered.keySet(), costed.keySet(), "no -m: the report's models");
        answered.forEach((model, tokens) -> {
            assertEquals(tokens.stream().mapToDouble(t -> t.path("input").asDouble()).average().orElseThrow(),
                    costed.get(model).path("meanInputTokens").asDouble(), EPS, model);
            assertEquals(tokens.stream().mapToDouble(t -> t.path("output").asDouble()).average().orElseThrow(),
                    costed.get(model).path("meanOutputTokens").asDouble(), EPS, model);
        });
        assertTrue(costed.get("local/stories260k").path("tokenBasis").asText()
                .startsWith("observed in compare-stories.json (counted, llama.cpp"));
    }

    @Test
    void aFileThatIsNoRunReportIsOneLineAndExitTwo() throws Exception {
        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{\"prices\": []}");
        CliRun notARun = run("cost-analyze", "--usage", prices.toString(), "--requests-per-day", "10");
        assertEquals(ExitCodes.USAGE, notARun.exitCode());
        assertEquals("yardstick: error: " + prices + " is not a compare, benchmark or switch-test report (it has no "
                + "run.command; those commands write one with --format json or -o FILE.json)", notARun.err().strip());

        Path diff = dir.resolve("diff.json");
        Path bench = Path.of("reports", "benchmark-local.json");
        assertEquals(ExitCodes.OK, run("report", "diff", bench.toString(), bench.toString(), "-o", diff.toString())
                .exitCode());
        CliRun aDiff = run("cost-analyze", "scenarios/cost-support-bot.yaml", "--report", diff.toString());
        assertEquals(ExitCodes.USAGE, aDiff.exitCode());
        assertTrue(aDiff.err().strip().endsWith("(written by report diff; those commands write one with --format "
                + "json or -o FILE.json)"), aDiff.err());
        assertEquals(1, aDiff.err().strip().lines().count(), aDiff.err());

        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, Files.readString(Path.of("reports", "benchmark-local.json")).substring(0, 200));
        CliRun truncated = run("cost-analyze", "--usage", cut.toString(), "--requests-per-day", "10");
        assertEquals(ExitCodes.USAGE, truncated.exitCode());
        assertTrue(truncated.err().startsWith("yardstick: error: " + cut + ":"), truncated.err());
        assertTrue(truncated.err().contains("not a readable report"), truncated.err());
        assertEquals(1, truncated.err().strip().lines().count(), truncated.err());
    }
}
