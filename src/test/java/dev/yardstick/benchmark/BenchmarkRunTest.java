package dev.yardstick.benchmark;

import dev.yardstick.cli.BenchmarkOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RunningFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling (Ctrl-C) keeps what finished: a partial, exact report and a journal line for each of its samples. */
class BenchmarkRunTest {

    @TempDir
    Path dir;

    private static OpenedModels open(BenchmarkPlan plan) {
        return ProviderRegistry.create(new ProviderContext(Map.of(), null), List.of(), null).open(plan.models());
    }

    @Test
    void cancellingWritesThePartialReportOfWhatFinished() throws Exception {
        Path samples = dir.resolve("s.jsonl");
        BenchmarkPlan plan = BenchmarkOptions.fromSettings(Map.of("models", "mock/fast?ttft=5ms&itl=5ms",
                "sweep", "concurrency=2,4", "requests", 100_000, "samples", samples.toString()), "test");
        AtomicReference<StepObserver.LiveStep> live = new AtomicReference<>();
        try (OpenedModels models = open(plan)) {
            BenchmarkRun run = new BenchmarkRun(plan, models, null, failure -> {
                throw new AssertionError(failure.line());
            });
            StepObserver observer = new StepObserver() {
                @Override
                public void started(LiveStep step) {
                    live.compareAndSet(null, step);
                }

                @Override
                public void ended(BenchmarkReport.Step result) {
                }
            };
            FutureTask<BenchmarkReport> report = new FutureTask<>(() -> run.execute(observer));
            Thread.ofPlatform().daemon().start(report);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            RunningFigures seen = null;
            while (System.nanoTime() < deadline && (seen == null || seen.attempted() < 20)) {
                Thread.sleep(10);
                seen = live.get() == null ? null : live.get().figures().get();
            }
            run.cancel();
            BenchmarkReport partial = report.get(20, TimeUnit.SECONDS);
            assertTrue(partial.run().interrupted());
            assertEquals(1, partial.steps().size(), "no step starts after Ctrl-C");
            ModelStats stats = partial.steps().getFirst().models().getFirst();
            long attempted = stats.requests().attempted();
            assertTrue(attempted >= 20 && attempted < 100_000, "what finished: " + attempted);
            assertEquals(0, stats.requests().errors().getOrDefault("cancelled", 0L),
                    "requests ended by Ctrl-C are not the endpoint's errors");
            assertEquals(attempted, Files.readAllLines(samples).size(), "every counted sample is in the journal");
            assertTrue(seen.ttftMs(50) >= 5, "the live figures read the running histograms: " + seen.ttftMs(50));
        }
    }
}
