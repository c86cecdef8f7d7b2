package dev.yardstick.benchmark;

import dev.yardstick.cli.BenchmarkOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.RunInfo;
import dev.yardstick.stats.MetricsRecorder;
import dev.yardstick.stats.SloSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A merged sweep judges its stop rule on the merged figures, not on whichever shard stopped first, and a step only
 * some shards ran is kept, marked partial, and left out of the gates. Reports are built from known samples, so the
 * budget arithmetic is exact.
 */
class MergedSweepTest {

    private static final java.util.function.Function<java.util.Map<String, Object>, BenchmarkPlan> PLANS =
            settings -> BenchmarkOptions.fromSettings(settings, "test");

    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
    private static final String MODEL = "mock/fast";

    /** One step's stats: {@code ok} successes and {@code failed} failures, 100 ms each, started 10 ms apart. */
    private static BenchmarkReport.Step step(int number, int ok, int failed) {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, START.plusSeconds(60L * number));
        for (int i = 0; i < ok + failed; i++) {
            boolean fails = i < failed;
            recorder.record(new Sample(i, MODEL, "p", 0, false, i * 10_000_000L, 0, 20_000_000L, 100_000_000L,
                    new long[]{40_000_000L, 40_000_000L}, new TokenCounts(10, 3, null, 10, 3, TokenSource.COUNTED),
                    fails ? "" : "abc", "stop", null, 1,
                    fails ? new SampleError(ErrorClass.HTTP_5XX, 500, "boom", null) : null));
        }
        var stats = recorder.snapshot();
        double bad = Budget.badPercent(stats);
        return new BenchmarkReport.Step(number, "concurrency=" + (1 << number), null, null, null, stats, bad,
                Budget.over(bad, 1.0));
    }

    private static BenchmarkReports.Named shard(String shard, String stopped, BenchmarkReport.Step... steps) {
        Map<String, Object> settings = new HashMap<>(Map.of("models", List.of(MODEL), "sweep",
                "concurrency=2,4,8", "requests", 100, "error-budget", "1%", "fail-if", List.of("error_rate > 50%")));
        settings.put("shard", shard);
        RunInfo run = new RunInfo("yardstick", "test", "benchmark", START, START.plusSeconds(300), false, settings);
        return new BenchmarkReports.Named("shard" + shard.charAt(0) + ".json", new BenchmarkReport(run, List.of(),
                List.of(steps), List.of(), stopped, List.of(), BenchmarkReport.standardDefinitions()));
    }

    @Test
    void theMergedSweepStopsWhereTheMergedFiguresSayAndMarksLaterStepsPartial() {
        // Shard 1 failed 10 of 50 at step 2 and stopped; shard 2 was clean and went on to step 3.
        BenchmarkReport merged = BenchmarkReports.merge(List.of(
                shard("1/2", "Sweep stopped after step 2 (concurrency=4): 20% ...", step(1, 50, 0), step(2, 40, 10)),
                shard("2/2", null, step(1, 50, 0), step(2, 50, 0), step(3, 50, 0))), PLANS);
        assertEquals(3, merged.steps().size());
        BenchmarkReport.Step two = merged.steps().get(1);
        assertEquals(10.0, two.badPercent(), 1e-9, "10 of the 100 requests the plan sent at step 2");
        assertTrue(two.overBudget());
        assertFalse(two.partial());
        assertTrue(merged.stoppedEarly().startsWith("Sweep stopped after step 2 (concurrency=4) on the merged"
                + " figures"), merged.stoppedEarly());

        BenchmarkReport.Step three = merged.steps().get(2);
        assertTrue(three.partial());
        String warning = three.warnings().getFirst();
        assertTrue(warning.startsWith("Partial: step 3 (concurrency=8) ran in 1 of the 2 reports (shard 2/2); shard"
                + " 1/2 stopped its own sweep"), warning);
        assertTrue(warning.contains("after the point where the merged sweep stops (step 2)"), warning);
        assertTrue(merged.document().blocks().toString().contains("Step 3: concurrency=8 (partial)"));
        assertEquals(List.of("concurrency=2", "concurrency=4"), merged.gates().stream()
                .map(BenchmarkReport.GateResult::step).toList(), "a partial step is shown, never gated");
    }

    @Test
    void aShardStoppingOnItsOwnShareDoesNotStopTheMergedSweep() {
        // Shard 1 failed 1 of 50 (2%, over its budget) and stopped; the plan's step 2 failed 1 of 100: 1%, not over.
        BenchmarkReport merged = BenchmarkReports.merge(List.of(
                shard("1/2", "Sweep stopped after step 2 (concurrency=4): 2% ...", step(1, 50, 0), step(2, 49, 1)),
                shard("2/2", null, step(1, 50, 0), step(2, 50, 0), step(3, 50, 0))), PLANS);
        assertEquals(1.0, merged.steps().get(1).badPercent(), 1e-9);
        assertFalse(merged.steps().get(1).overBudget());
        assertNull(merged.stoppedEarly(), "the header no longer says the sweep stopped");
        BenchmarkReport.Step three = merged.steps().get(2);
        assertTrue(three.partial());
        assertFalse(three.warnings().getFirst().contains("merged sweep stops"), three.warnings().getFirst());
    }

    @Test
    void shardsAndWholeRunsDoNotMerge() {
        BenchmarkReports.Named whole = shard("1/1", null, step(1, 50, 0));
        Map<String, Object> settings = new HashMap<>(whole.report().run().settings());
        settings.remove("shard");
        BenchmarkReport wholeRun = new BenchmarkReport(new RunInfo("yardstick", "test", "benchmark", START, START,
                false, settings), List.of(), whole.report().steps(), List.of(), null, List.of(), Map.of());
        InputException e = assertThrows(InputException.class, () -> BenchmarkReports.merge(new ArrayList<>(List.of(
                shard("1/2", null, step(1, 50, 0)), new BenchmarkReports.Named("whole.json", wholeRun))), PLANS));
        assertTrue(e.getMessage().contains("cannot merge shards"), e.getMessage());
    }
}
