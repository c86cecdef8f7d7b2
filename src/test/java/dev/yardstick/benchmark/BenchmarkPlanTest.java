package dev.yardstick.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.cli.BenchmarkOptions;
import dev.yardstick.config.InputException;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.stats.RegressionRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans from scenario files and flags: defaults, overrides, sweeps, shards, and one-line errors. */
class BenchmarkPlanTest {

    @TempDir
    Path dir;

    private static Map<String, Object> settings(String... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static BenchmarkPlan flags(String... pairs) {
        return BenchmarkOptions.fromSettings(settings(pairs), "flags");
    }

    private static String error(String... pairs) {
        return assertThrows(InputException.class, () -> flags(pairs)).getMessage();
    }

    @Test
    void defaultsAreOneInFlightHundredRequestsAndSyntheticPrompts() {
        BenchmarkPlan plan = flags("models", "mock/fast");
        assertEquals(List.of(LoadStep.closed(1, 1)), plan.steps());
        assertEquals(100L, plan.requests());
        assertNull(plan.duration());
        assertEquals(new LengthDistribution.Fixed(128), plan.inputTokens());
        assertEquals(Duration.ofSeconds(60), plan.timeout());
        assertEquals(1.0, plan.errorBudget());
        assertTrue(plan.shard().whole());
        assertTrue(plan.warmup().none());
    }

    @Test
    void aScenarioFileIsReadAndFlagsOverrideIt() throws Exception {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(dir.resolve("prompts/p.yaml"), "prompts:\n  - id: a\n    prompt: hello\n");
        Path file = dir.resolve("scenarios/x.yaml");
        Files.writeString(file, """
                name: nightly
                models: [mock/fast, mock/slow]
                rate: 20
                arrival: poisson
                max-concurrency: 64
                duration: 30s
                warmup: 5s
                prompts: ../prompts/p.yaml
                output-tokens: 64
                slo: ttft=500ms,e2e=5s
                error-budget: 2%
                fail-if: ["p95(ttft) > 800ms", "error_rate > 1%"]
                """);
        BenchmarkPlan plan = BenchmarkOptions.parse(file.toString(), "--rate", "40", "--fail-if", "p99(e2e) > 5s");
        assertEquals(dir.resolve("prompts/p.yaml").toString(), plan.settings().get("prompts"), "relative to the file");

        assertEquals("nightly", plan.name());
        assertEquals(List.of("mock/fast", "mock/slow"), plan.labels());
        LoadShape.Open open = (LoadShape.Open) plan.steps().getFirst().load();
        assertEquals(40, open.ratePerSecond(), "the flag wins");
        assertEquals(LoadShape.Arrival.POISSON, open.arrival(), "the file stands where no flag is given");
        assertEquals(64, open.maxConcurrency());
        assertEquals(Duration.ofSeconds(30), plan.duration());
        assertNull(plan.requests(), "a duration alone bounds the step");
        assertEquals(Duration.ofSeconds(5), plan.warmup().time());
        assertEquals(1, plan.prompts().prompts().size());
        assertEquals(64, plan.outputTokens());
        assertEquals(64, plan.models().getFirst().params().maxTokens());
        assertEquals("ttft=500ms,e2e=5s", plan.slo().text());
        assertEquals(2.0, plan.errorBudget());
        assertEquals(List.of("p99(e2e) > 5s"), plan.failIf().stream().map(Object::toString).toList(),
                "a list flag replaces the file's list");
    }

    @Test
    void settingsSurviveTheirReportForm() {
        BenchmarkPlan plan = BenchmarkOptions.parse("-m", "mock/fast", "--sweep", "concurrency=1,2", "--warmup", "20",
                "--requests", "5");
        assertEquals(plan, BenchmarkOptions.fromSettings(plan.settings(), "report"));
        assertEquals(Map.of("models", List.of("mock/fast"), "sweep", "concurrency=1,2", "warmup", "20", "requests", 5L),
                plan.settings(), "only what was set, keyed like the flags; numbers stay numbers");
    }

    @Test
    void sweepsMakeOneStepPerValue() {
        BenchmarkPlan closed = flags("models", "mock/fast", "sweep", "concurrency=1,2,4,8");
        assertEquals(List.of("concurrency=1", "concurrency=2", "concurrency=4", "concurrency=8"),
                closed.steps().stream().map(LoadStep::label).toList());
        BenchmarkPlan open = flags("models", "mock/fast", "sweep", "rate=0.5,2,10",
                "arrival", "poisson");
        assertEquals(List.of("rate=0.5/s", "rate=2/s", "rate=10/s"), open.steps().stream().map(LoadStep::label)
                .toList());
        assertEquals(List.of(1, 2, 3), open.steps().stream().map(LoadStep::number).toList());
    }

    @Test
    void shardsSplitConcurrencyAndRate() {
        BenchmarkPlan plan = flags("models", "mock/fast", "concurrency", "5", "shard", "2/2");
        assertEquals(new Shard(1, 2), plan.shard());
        assertEquals(new LoadShape.Closed(2), plan.steps().getFirst().forShard(plan.shard()));
        assertEquals(new LoadShape.Closed(3), plan.steps().getFirst().forShard(Shard.parse("1/2")));
        LoadStep open = LoadStep.open(1, 30, LoadShape.Arrival.POISSON, 7, 100);
        LoadShape.Open first = (LoadShape.Open) open.forShard(Shard.parse("1/3"));
        LoadShape.Open second = (LoadShape.Open) open.forShard(Shard.parse("2/3"));
        assertEquals(10, first.ratePerSecond(), 1e-9);
        assertTrue(first.seed() != second.seed(), "independent Poisson streams add up to the plan's");
    }

    @Test
    void theRegressionGateDefaultsToTenPercentAtNinetyFivePercentConfidence() {
        BenchmarkPlan plan = flags("models", "mock/fast", "baseline", "b.json");
        assertEquals(new RegressionRule(10, 0.95, false), plan.regression());
        BenchmarkPlan strict = flags("models", "mock/fast", "baseline", "b.json",
                "max-regression", "5%", "confidence", "0.99", "gate-unsupported", "true");
        assertEquals(new RegressionRule(5, 0.99, true), strict.regression());
        assertNull(flags("models", "mock/fast").regression());
    }

    @Test
    void badInputIsOneClearLine() {
        assertTrue(error().contains("no model"));
        assertTrue(error("models", "mock/fast", "rate", "5", "concurrency", "2").contains("--max-concurrency"));
        assertTrue(error("models", "mock/fast", "arrival", "poisson").contains("rate runs"));
        assertTrue(error("models", "mock/fast", "sweep", "threads=1,2").contains("malformed sweep"));
        assertTrue(error("models", "mock/fast", "sweep", "concurrency=1,x").contains("'x'"));
        assertTrue(error("models", "mock/fast", "sweep", "concurrency=2", "concurrency", "2")
                .contains("leave out"));
        assertTrue(error("models", "mock/fast", "concurrency", "1", "shard", "1/2").contains("split"));
        assertTrue(error("models", "mock/fast", "shard", "3/2").contains("does not exist"));
        assertTrue(error("models", "mock/fast", "warmup", "soon").contains("warm-up"));
        assertTrue(error("models", "mock/fast", "input-tokens", "lots").contains("uniform:256-1024"));
        assertTrue(error("models", "mock/fast", "error-budget", "5").contains("% sign"));
        assertTrue(error("models", "mock/fast", "max-regression", "10%").contains("--baseline"));
        assertTrue(error("models", "mock/fast", "confidence", "99%").contains("--baseline"));
        assertTrue(error("models", "mock/fast", "baseline", "b.json", "confidence", "high")
                .contains("malformed confidence"));
        assertTrue(error("models", "mock/fast", "baseline", "b.json", "confidence", "100%")
                .contains("outside 50%..99.99%"));
        assertTrue(error("models", "mock/fast", "fail-if", "p95(ttft) > 800").contains("needs a unit"));
        assertTrue(error("models", "mock/fast", "prompts", prompts(), "input-tokens", "5").contains("not both"));
        assertTrue(error("models", "mock/fast", "requests", "0").contains("between 1 and"));
    }

    private String prompts() {
        try {
            return Files.writeString(dir.resolve("p.yaml"), "prompts:\n  - id: a\n    prompt: hi\n").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void unknownKeysInAScenarioNameTheFileAndTheField() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "models: [mock/fast]\nconcurency: 4\n");
        String message = assertThrows(InputException.class, () -> BenchmarkOptions.parse(file.toString())).getMessage();
        assertTrue(message.startsWith(file.toString()), message);
        assertTrue(message.contains("unknown field 'concurency'") && message.contains("concurrency"), message);
    }

    @Test
    void lengthDistributionsParseAndStayInRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        LengthDistribution uniform = LengthDistribution.parse("uniform:10-20");
        LengthDistribution normal = LengthDistribution.parse("normal:5,50");
        for (int i = 0; i < 1000; i++) {
            int u = uniform.sample(random);
            assertTrue(u >= 10 && u <= 20, "uniform " + u);
            assertTrue(normal.sample(random) >= 1, "never below one token");
        }
        assertEquals("uniform:10-20", uniform.text());
        assertEquals(new LengthDistribution.Fixed(512), LengthDistribution.parse("fixed:512"));
        assertEquals(new LengthDistribution.Normal(512, 64), LengthDistribution.parse("normal:512, 64"));
    }
}
