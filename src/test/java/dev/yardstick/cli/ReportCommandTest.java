package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.stats.HistogramCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report merge and diff on real benchmark reports: shards merge into exactly one run's histograms. */
class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "mock/fast?ttft=3ms&itl=1ms&tokens=4";

    @TempDir
    Path dir;

    private Path shard(String shard, Path samples) {
        Path report = dir.resolve("shard" + shard.charAt(0) + ".json");
        CliRun run = CliRun.of("benchmark", "-m", MODEL, "--concurrency", "4", "--requests", "61", "--shard", shard,
                "--fail-if", "p99(e2e) > 1h", "--samples", samples.toString(), "-o", report.toString());
        assertEquals(0, run.exitCode(), run.err());
        return report;
    }

    /** The histogram a single run recording every journaled sample would hold: the same µs rounding as the recorder. */
    private static Histogram fromJournals(String field, Path... journals) throws Exception {
        Histogram h = new Histogram(3);
        for (Path journal : journals) {
            for (String line : Files.readAllLines(journal)) {
                long nanos = Math.round(JSON.readTree(line).get(field).asDouble() * 1e6);
                h.recordValue((nanos + 500) / 1000);
            }
        }
        return h;
    }

    private static void assertSameDistribution(Histogram expected, JsonNode summary) {
        Histogram merged = HistogramCodec.decode(summary.get("histogram").asText());
        assertEquals(expected.getTotalCount(), merged.getTotalCount());
        for (double p = 0; p <= 100; p += 0.5) {
            assertEquals(expected.getValueAtPercentile(p), merged.getValueAtPercentile(p), "percentile " + p);
        }
        assertEquals(expected.getMean(), merged.getMean(), 1e-9);
        assertEquals(expected.getValueAtPercentile(99) / 1000.0, summary.get("p99").asDouble(), 1e-9);
        assertEquals(expected.getValueAtPercentile(50) / 1000.0, summary.get("p50").asDouble(), 1e-9);
    }

    @Test
    void mergedShardsEqualTheSingleRunHistogram() throws Exception {
        Path samplesA = dir.resolve("a.jsonl");
        Path samplesB = dir.resolve("b.jsonl");
        Path a = shard("1/2", samplesA);
        Path b = shard("2/2", samplesB);
        TreeSet<Long> sequences = new TreeSet<>();
        for (Path journal : new Path[] {samplesA, samplesB}) {
            for (String line : Files.readAllLines(journal)) {
                assertTrue(sequences.add(JSON.readTree(line).get("sequence").asLong()), "a request on two shards");
            }
        }
        assertEquals(61, sequences.size(), "the shards together sent the plan's 61 requests");
        assertEquals(60L, sequences.last());

        CliRun merge = CliRun.of("report", "merge", a.toString(), b.toString(), "--format", "json");
        assertEquals(0, merge.exitCode(), merge.err());
        JsonNode merged = JSON.readTree(merge.out());
        JsonNode stats = merged.at("/steps/0/models/0");
        assertEquals(61, stats.at("/requests/succeeded").asInt());
        assertEquals("concurrency=4", merged.at("/steps/0/load").asText());
        assertTrue(merged.at("/run/settings/shard").isMissingNode(), "the merged report is the whole plan");
        assertSameDistribution(fromJournals("e2eMs", samplesA, samplesB), stats.get("e2e"));
        assertSameDistribution(fromJournals("ttftMs", samplesA, samplesB), stats.get("ttft"));
        assertEquals("p99(e2e) > 1h", merged.at("/gates/0/gate").asText(), "the plan's gates judged again");
        assertTrue(merged.get("notes").get(0).asText().startsWith("Merged from 2 reports: shard1.json (shard 1/2)"));
        // Each shard's seconds are its own machine's: named as left in the inputs, never silently dropped.
        assertTrue(merged.get("notes").toString().contains("Not merged, kept in each input report: time series"),
                merged.get("notes").toString());
        assertTrue(merged.get("timeSeries").isEmpty());
    }

    @Test
    void mergeRefusesTheSameShardTwiceAndDifferentPlans() throws Exception {
        Path a = shard("1/2", dir.resolve("a.jsonl"));
        CliRun twice = CliRun.of("report", "merge", a.toString(), a.toString());
        assertEquals(ExitCodes.USAGE, twice.exitCode());
        assertTrue(twice.err().contains("shard 1/2 is given twice"), twice.err());

        Path other = dir.resolve("other.json");
        assertEquals(0, CliRun.of("benchmark", "-m", MODEL, "--requests", "3", "-o", other.toString()).exitCode());
        CliRun different = CliRun.of("report", "merge", a.toString(), other.toString());
        assertEquals(ExitCodes.USAGE, different.exitCode());
        assertTrue(different.err().contains("ran different plans"), different.err());

        Path notAReport = dir.resolve("x.json");
        Files.writeString(notAReport, "{\"run\": {\"command\": \"compare\"}}");
        CliRun wrong = CliRun.of("report", "diff", notAReport.toString(), a.toString());
        assertEquals(ExitCodes.USAGE, wrong.exitCode());
        assertTrue(wrong.err().contains("is not a benchmark report"), wrong.err());
    }

    @Test
    void diffShowsWhatChangedAndGatesOnRegressions() throws Exception {
        Path base = dir.resolve("base.json");
        Path slow = dir.resolve("slow.json");
        assertEquals(0, CliRun.of("benchmark", "-m", MODEL, "--requests", "20", "-o", base.toString()).exitCode());
        assertEquals(0, CliRun.of("benchmark", "-m", "mock/fast?ttft=60ms&itl=1ms&tokens=4", "--requests", "20", "-o",
                slow.toString()).exitCode());

        CliRun report = CliRun.of("report", "diff", base.toString(), slow.toString(), "--format", "markdown");
        assertEquals(0, report.exitCode(), "no allowance given: report only. " + report.err());
        assertTrue(report.out().contains("# Yardstick report diff"), report.out());
        assertTrue(report.out().matches("(?s).*\\| p50\\(ttft\\) \\| \\d+\\.\\d+ ms \\| [\\d.]+–[\\d.]+ \\|"
                + " \\d+(\\.\\d)? ms \\| [\\d.]+–[\\d.]+ \\| \\+\\d+\\.\\d% \\| REGRESSED \\|.*"), report.out());

        CliRun gated = CliRun.of("report", "diff", base.toString(), slow.toString(), "--max-regression", "10%",
                "--format", "json");
        assertEquals(ExitCodes.GATE_FAILED, gated.exitCode());
        JsonNode rows = JSON.readTree(gated.out()).at("/comparisons/0/rows");
        Map<String, JsonNode> byFigure = new HashMap<>();
        rows.forEach(row -> byFigure.put(row.get("figure").asText(), row));
        JsonNode ttft = byFigure.get("p50(ttft)");
        assertEquals("regressed", ttft.get("verdict").asText(), ttft.toString());
        assertTrue(ttft.get("regressed").asBoolean() && ttft.get("changePercent").asDouble() > 100, ttft.toString());
        assertTrue(ttft.at("/currentCi/low").asDouble() > ttft.at("/baselineCi/high").asDouble(),
                "significant: the new interval lies wholly above the baseline's " + ttft);
        // 20 requests give 60 gaps: far too few to bound a p99, which is shown but never gated (however far a
        // single slow gap puts it)
        JsonNode itl = byFigure.get("p99(itl)");
        assertEquals("too-few-samples", itl.get("verdict").asText(), itl.toString());
        assertFalse(itl.get("regressed").asBoolean());
        assertTrue(itl.at("/baselineCi/high").isNull(), "no order statistic above a p99 of 60 values: " + itl);
        long gatedFigures = 0;
        for (JsonNode row : rows) {
            assertTrue(row.has("verdict") && row.has("baselineCi") && row.has("currentCi") && !row.has("gated"),
                    row.toString());
            gatedFigures += row.get("gatedFigure").asBoolean() ? 1 : 0;
        }
        assertEquals(5 * 3 + 3, gatedFigures, "p50/p95/p99 of five distributions and three throughputs, every run");

        // Allowance wide enough for the millisecond-level noise of the unchanged ITL on a busy machine.
        CliRun improved = CliRun.of("report", "diff", slow.toString(), base.toString(), "--max-regression", "200%");
        assertEquals(0, improved.exitCode(), "faster is no regression: " + improved.out());
        CliRun faster = CliRun.of("report", "diff", slow.toString(), base.toString(), "--max-regression", "50%",
                "--format", "json");
        for (JsonNode row : JSON.readTree(faster.out()).at("/comparisons/0/rows")) {
            if (row.get("figure").asText().equals("p50(ttft)")) {
                assertEquals("improved", row.get("verdict").asText(), row.toString());
            }
        }
    }

    @Test
    void reportsWithNothingInCommonAreAnInputErrorAndAMissingStepFailsTheGate() throws Exception {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        Path sweep = dir.resolve("sweep.json");
        assertEquals(0, CliRun.of("benchmark", "-m", MODEL, "--requests", "4", "-o", one.toString()).exitCode());
        assertEquals(0, CliRun.of("benchmark", "-m", MODEL, "--requests", "4", "--concurrency", "2", "-o",
                two.toString()).exitCode());
        assertEquals(0, CliRun.of("benchmark", "-m", MODEL, "--requests", "4", "--sweep", "concurrency=1,2", "-o",
                sweep.toString()).exitCode());

        CliRun nothing = CliRun.of("report", "diff", one.toString(), two.toString());
        assertEquals(ExitCodes.USAGE, nothing.exitCode(), nothing.out());
        assertEquals(1, nothing.err().lines().count(), nothing.err());
        assertTrue(nothing.err().contains("no step and model in common"), nothing.err());
        assertTrue(nothing.out().isEmpty(), "no report claims a pass: " + nothing.out());

        CliRun partial = CliRun.of("report", "diff", one.toString(), sweep.toString(), "--max-regression", "500%",
                "--format", "json");
        assertEquals(ExitCodes.GATE_FAILED, partial.exitCode(), "a step that could not be compared never passes");
        JsonNode diff = JSON.readTree(partial.out());
        assertEquals(1, diff.get("comparisons").size());
        assertTrue(diff.at("/notCompared/0").asText().contains("concurrency=2"), diff.toString());
        assertEquals(0, CliRun.of("report", "diff", one.toString(), sweep.toString()).exitCode(),
                "without an allowance the diff only reports");
    }
}
