package dev.yardstick.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.benchmark.workload.ThinkTime;
import dev.yardstick.benchmark.workload.TraceFormat;
import dev.yardstick.cli.BenchmarkOptions;
import dev.yardstick.config.InputException;
import dev.yardstick.engine.LoadShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload settings are flags and plan-file keys alike, checked against the rest of the plan. */
class WorkloadPlanTest {

    @TempDir
    Path dir;

    private Path azure() throws Exception {
        Path traces = Files.createDirectories(dir.resolve("traces"));
        Path trace = traces.resolve("t.csv");
        Files.writeString(trace, "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,10,2\n"
                + "2023-11-16 18:15:48.6805900,20,3\n2023-11-16 18:15:50.6805900,30,4\n");
        return trace;
    }

    @Test
    void aPlanFileSetsEveryWorkloadKeyWithTheTraceBesideIt() throws Exception {
        azure();
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                models: [mock/fast]
                trace: traces/t.csv
                time-scale: 0.5
                max-concurrency: 8
                exact-output-tokens: true
                """);
        BenchmarkPlan p = BenchmarkOptions.parse(plan.toString());
        assertEquals(TraceFormat.AZURE, p.trace().format());
        assertEquals(3, p.trace().entries().size());
        assertEquals(0.5, p.timeScale());
        assertTrue(p.exactOutputTokens());
        assertNull(p.requests(), "a trace bounds itself");
        LoadStep step = p.steps().getFirst();
        assertEquals("trace t.csv ×0.5", step.label());
        assertEquals(8, ((LoadShape.Open) step.load()).maxConcurrency());
        assertEquals(1.0, ((LoadShape.Open) step.load()).ratePerSecond(), 1e-9, "2 gaps over 2 s scaled");
        assertEquals(plan.getParent().resolve("traces/t.csv").normalize().toString(), p.settings().get("trace"));

        Path sessions = dir.resolve("sessions.yaml");
        Files.writeString(sessions, """
                models: [mock/fast]
                sessions: 6
                turns: 5
                think-time: uniform:1s..3s
                rate: 2
                shared-prefix: 64
                prefix-share: 25%
                """);
        BenchmarkPlan s = BenchmarkOptions.parse(sessions.toString());
        assertEquals(6, s.sessions());
        assertEquals(5, s.turns());
        assertEquals(new ThinkTime.Uniform(Duration.ofSeconds(1), Duration.ofSeconds(3)), s.thinkTime());
        assertEquals(new SharedPrefix(64, 0.25), s.prefix());
        assertEquals("uniform:1s..3s", s.settings().get("think-time"));
    }

    @Test
    void defaultsApplyOnlyWhereTheirWorkloadIsAsked() {
        BenchmarkPlan plain = BenchmarkOptions.parse("-m", "mock/fast");
        assertNull(plain.turns());
        assertNull(plain.thinkTime());
        assertNull(plain.prefix());
        assertEquals(false, plain.exactOutputTokens());
        BenchmarkPlan sessions = BenchmarkOptions.parse("-m", "mock/fast", "--sessions", "2");
        assertEquals(3, sessions.turns());
        assertEquals(ThinkTime.NONE, sessions.thinkTime());
        assertEquals(0.5, BenchmarkOptions.parse("-m", "mock/fast", "--shared-prefix", "32").prefixShare());
    }

    @Test
    void settingsThatDoNotGoTogetherAreRefusedWithTheirFlags() throws Exception {
        String trace = azure().toString();
        assertRefused("--trace replays at the trace's own times", "--trace", trace, "--concurrency", "4");
        assertRefused("--trace gives every request's input and output length", "--trace", trace,
                "--output-tokens", "5");
        assertRefused("--turns and --think-time apply to sessions", "--turns", "3");
        assertRefused("--sessions N sets the requests", "--sessions", "3", "--requests", "9");
        assertRefused("--time-scale must be more than 0", "--trace", trace, "--time-scale", "0");
        assertRefused("--trace-format and --time-scale apply to a replayed trace", "--time-scale", "2");
        assertRefused("--prefix-share applies to a shared prefix", "--prefix-share", "0.5");
        assertRefused("--exact-output-tokens needs the length", "--exact-output-tokens");
        assertRefused("--warmup and --shard do not apply", "--sessions", "2", "--warmup", "3");
        assertRefused("malformed think time 'soon'", "--sessions", "2", "--think-time", "soon");
        assertRefused("malformed share '2'", "--shared-prefix", "8", "--prefix-share", "2");
        assertRefused("--sessions and --shared-prefix measure one model at a time", "-m", "mock/slow", "--sessions",
                "2");
        assertRefused("--sessions and --shared-prefix measure one model at a time", "-m", "mock/slow",
                "--shared-prefix", "8");
        Path unknown = dir.resolve("log.txt");
        Files.writeString(unknown, "when,in,out\n1,2,3\n");
        assertRefused("cannot tell its format from its first line", "--trace", unknown.toString());
    }

    @Test
    void aTraceOfAnUntoldFormatIsReadAsTheFormatGiven() throws Exception {
        Path trace = dir.resolve("t.log");
        Files.writeString(trace, "\n{\"offset_ms\": 0, \"input_tokens\": 3, \"output_tokens\": 1}\n");
        assertEquals(TraceFormat.YARDSTICK, BenchmarkOptions.parse("-m", "mock/fast", "--trace", trace.toString())
                .trace().format());
        InputException e = assertThrows(InputException.class, () -> BenchmarkOptions.parse("-m", "mock/fast",
                "--trace", trace.toString(), "--trace-format", "mooncake"));
        assertTrue(e.getMessage().contains("t.log:2: field 'timestamp'"), e.getMessage());
    }

    @Test
    void thinkTimesAreDrawnFromTheirDistribution() {
        SplittableRandom random = new SplittableRandom(3);
        assertEquals(2_000_000_000L, ThinkTime.parse("2s").drawNanos(random));
        ThinkTime uniform = ThinkTime.parse("uniform:1s..3s");
        ThinkTime exp = ThinkTime.parse("exp:100ms");
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            long u = uniform.drawNanos(random);
            assertTrue(u >= 1_000_000_000L && u <= 3_000_000_000L);
            sum += exp.drawNanos(random);
        }
        assertEquals(100e6, sum / 20_000, 5e6, "the exponential's mean");
        assertEquals(exp, ThinkTime.parse(exp.text()), "its text reads back: " + exp.text());
    }

    private static void assertRefused(String expected, String... flags) {
        String[] args = new String[flags.length + 2];
        args[0] = "-m";
        args[1] = "mock/fast";
        System.arraycopy(flags, 0, args, 2, flags.length);
        InputException e = assertThrows(InputException.class, () -> BenchmarkOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
