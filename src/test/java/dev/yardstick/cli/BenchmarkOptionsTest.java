package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.benchmark.BenchmarkPlan;
import dev.yardstick.config.InputException;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.engine.LoadShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The benchmark's settings, declared once as options: plan-file defaults, overrides, types and the binding. */
class BenchmarkOptionsTest {

    @TempDir
    Path dir;

    private Path plan(String text) throws Exception {
        Files.createDirectories(dir.resolve("plans"));
        return Files.writeString(dir.resolve("plans/plan.yaml"), text);
    }

    @Test
    void aFlagReplacesThePlanFilesValueAndAListFlagItsWholeList() throws Exception {
        Path file = plan("""
                models: [mock/fast, mock/slow]
                rate: 5
                duration: 30s
                fail-if: ["p95(ttft) > 800ms", "error_rate > 1%"]
                """);
        BenchmarkPlan plan = BenchmarkOptions.parse(file.toString(), "-m", "mock/instant", "--rate", "7");
        assertEquals(List.of("mock/instant"), plan.labels());
        assertEquals(7.0, ((LoadShape.Open) plan.steps().getFirst().load()).ratePerSecond());
        assertEquals(Duration.ofSeconds(30), plan.duration(), "typed, from the file");
        assertEquals(2, plan.failIf().size(), "the file's list stands where no flag is given");
        assertEquals(Map.of("models", List.of("mock/instant"), "rate", 7.0, "duration", "30s", "fail-if",
                List.of("p95(ttft) > 800ms", "error_rate > 1%")), plan.settings(), "as written, flags over the file");
    }

    @Test
    void retriesAndFaultsAreSettingsLikeAnyOther() throws Exception {
        Path file = plan("models: [mock/fast]\nretries: 2\nfault: [\"mock/fast:503@3\"]\n");
        BenchmarkPlan plan = BenchmarkOptions.parse(file.toString());
        assertEquals(2, plan.retries());
        Fault fault = plan.fault().getFirst();
        assertEquals(List.of("mock/fast:503@3"), plan.fault().stream().map(Fault::text).toList());
        assertEquals("mock/fast", fault.model(), "read once, as the flag is parsed");
        assertEquals(503, fault.status());
        assertEquals(3, fault.fromTurn());
        assertEquals(Map.of("models", List.of("mock/fast"), "retries", 2, "fault", List.of("mock/fast:503@3")),
                plan.settings(), "a report keeps them, the count as a number, so a merge reruns the same chain");
        assertEquals(0, BenchmarkOptions.parse(file.toString(), "--retries", "0").retries(), "the flag wins");
        assertEquals(0, BenchmarkOptions.parse("-m", "mock/fast").retries(), "no retries unless asked");

        Path wrong = plan("models: [mock/fast]\nfault: [\"mock/slow:503\"]\n");
        InputException e = assertThrows(InputException.class, () -> BenchmarkOptions.parse(wrong.toString()));
        assertTrue(e.getMessage().startsWith(wrong + ":2: field 'fault': "), e.getMessage());
        assertTrue(e.getMessage().contains("'mock/slow' is not a model of this run"), e.getMessage());

        Path malformed = plan("models: [mock/fast]\nretries: 1\nfault: [\"mock/fast:melt@2\"]\n");
        InputException unread = assertThrows(InputException.class, () -> BenchmarkOptions.parse(
                malformed.toString()));
        assertTrue(unread.getMessage().startsWith(malformed + ":3: field 'fault': "), unread.getMessage());
        assertTrue(unread.getMessage().contains("melt"), unread.getMessage());
        InputException flag = assertThrows(InputException.class, () -> BenchmarkOptions.parse("-m", "mock/fast",
                "--fault", "mock/fast:melt"));
        assertTrue(flag.getMessage().startsWith("--fault 'mock/fast:melt': unknown kind 'melt'"), flag.getMessage());
    }

    @Test
    void fileNamesInAPlanAreRelativeToItsFolder() throws Exception {
        Path file = plan("models: [mock/fast]\nbaseline: ../reports/base.json\nsamples: s.jsonl\n");
        BenchmarkPlan plan = BenchmarkOptions.parse(file.toString());
        assertEquals(dir.resolve("reports/base.json"), plan.baseline());
        assertEquals(dir.resolve("plans/s.jsonl"), plan.samples());
        assertEquals(dir.resolve("reports/base.json").toString(), plan.settings().get("baseline"));
        BenchmarkPlan flagged = BenchmarkOptions.parse(file.toString(), "--baseline", "x.json");
        assertEquals(Path.of("x.json"), flagged.baseline(), "a flag's file name is the user's own");
    }

    @Test
    void aReportsSettingsReadBackIntoTheSamePlan() throws Exception {
        Path file = plan("name: nightly\nmodels: [mock/fast]\nsweep: rate=1,2\narrival: poisson\nwarmup: 2s\n"
                + "error-budget: 2%\nseed: 7\n");
        BenchmarkPlan plan = BenchmarkOptions.parse(file.toString(), "--requests", "20");
        assertEquals(plan, BenchmarkOptions.fromSettings(plan.settings(), "report.json"));
        assertEquals("nightly", plan.name());
        assertEquals(7L, plan.seed());
        assertEquals("2%", plan.settings().get("error-budget"), "a percentage keeps its text");
    }

    @Test
    void aValueOfTheWrongKindNamesTheFileLineAndKey() throws Exception {
        Path lists = plan("models: [mock/fast]\nconcurrency: [1, 2]\n");
        String message = assertThrows(InputException.class, () -> BenchmarkOptions.parse(lists.toString()))
                .getMessage();
        assertEquals(lists + ":2: field 'concurrency': expected one value, got a list", message);
        Path rate = plan("models: [mock/fast]\nrate: fast\n");
        assertEquals(rate + ":2: field 'rate': expected a number, got 'fast'",
                assertThrows(InputException.class, () -> BenchmarkOptions.parse(rate.toString())).getMessage());
        Path gate = plan("models: [mock/fast]\nfail-if:\n  - p95(ttft) > 800\n");
        assertTrue(assertThrows(InputException.class, () -> BenchmarkOptions.parse(gate.toString())).getMessage()
                .startsWith(gate + ":2: field 'fail-if': "));
        Path unknown = plan("models: [mock/fast]\nformat: json\n");
        assertTrue(assertThrows(InputException.class, () -> BenchmarkOptions.parse(unknown.toString())).getMessage()
                .startsWith(unknown + ":2: field 'format': unknown field 'format'"), "only settings, not output flags");
    }

    @Test
    void aFlagsMistakeNamesTheFlag() {
        assertEquals("--duration malformed duration 'soon' (expected e.g. 500ms, 30s, 5m, 1h)",
                assertThrows(InputException.class, () -> BenchmarkOptions.parse("-m", "mock/fast", "--duration",
                        "soon")).getMessage());
        assertNull(BenchmarkOptions.parse("-m", "mock/fast").baseline());
    }

    record Pair(Integer first, Integer second) {
    }

    static final class Options {
        @Option(names = "--first")
        Integer first;

        @Option(names = "--second")
        Integer second;

        @Option(names = "--third")
        Integer third;
    }

    @Test
    void theBindingIsByNameAndRefusesAnOptionOrComponentLeftOver() {
        Options options = new Options();
        CommandLine cli = new CommandLine(options);
        cli.parseArgs("--second", "2", "--first", "1");
        var spec = cli.getCommandSpec();
        var two = spec.options().stream().filter(o -> !o.longestName().equals("--third")).toList();
        assertEquals(new Pair(1, 2), RecordBinding.bind(Pair.class, two, Map.of()), "by name, not by position");
        assertTrue(assertThrows(IllegalStateException.class, () -> RecordBinding.bind(Pair.class, spec.options(),
                Map.of())).getMessage().contains("third"));
        assertTrue(assertThrows(IllegalStateException.class, () -> RecordBinding.bind(Pair.class,
                two.subList(0, 1), Map.of())).getMessage().contains("--second"));
    }
}
