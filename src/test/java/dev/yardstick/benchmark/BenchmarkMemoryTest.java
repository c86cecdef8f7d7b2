package dev.yardstick.benchmark;

import dev.yardstick.cli.BenchmarkOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.report.BenchmarkReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.yardstick.testing.Heap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's guard in CI (bench/memory.sh runs the full million): along the whole benchmark path (plan, synthetic
 * prompts, orchestrator, mock model, recorder, samples journal) no kind of object left after a collection grows in
 * number from 5,000 requests to 50,000. Measured while the run is live, so what the run itself holds counts, not
 * only what outlives it. Counted by class rather than in bytes: HdrHistograms widen their arrays when a longer
 * latency arrives (a collection's pause is one), which moves the bytes but not the counts.
 */
class BenchmarkMemoryTest {

    private static final int FIRST = 5_000;
    private static final int SECOND = 50_000;

    @TempDir
    Path dir;

    @Test
    void heapAfterCollectionDoesNotGrowWithTheRequests() throws Exception {
        BenchmarkPlan plan = BenchmarkOptions.fromSettings(Map.of("models", "mock/instant",
                "requests", SECOND + 10_000, "concurrency", 16, "input-tokens", 32,
                "samples", dir.resolve("s.jsonl").toString()), "test");
        AtomicReference<StepObserver.LiveStep> live = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        try (OpenedModels models = ProviderRegistry.create(new ProviderContext(Map.of(), null), List.of(), null)
                .open(plan.models())) {
            BenchmarkRun run = new BenchmarkRun(plan, models, null, failure -> {
                throw new AssertionError(failure.line());
            });
            CompletableFuture<BenchmarkReport> running = CompletableFuture.supplyAsync(() -> run.execute(
                    new StepObserver() {
                        @Override
                        public void started(LiveStep step) {
                            live.set(step);
                            started.countDown();
                        }

                        @Override
                        public void ended(BenchmarkReport.Step result) {
                        }
                    }));
            assertTrue(started.await(30, TimeUnit.SECONDS));
            awaitAttempted(live.get(), FIRST, running);
            String first = Heap.classHistogram();
            awaitAttempted(live.get(), SECOND, running);
            String second = Heap.classHistogram();
            BenchmarkReport report = running.get(120, TimeUnit.SECONDS);
            assertEquals(SECOND + 10_000, report.steps().getFirst().models().getFirst().requests().succeeded());

            Map<String, Long> afterFirst = Heap.liveInstances(first);
            Map<String, Long> afterSecond = Heap.liveInstances(second);
            // 45,000 requests between the two: a class gaining one instance per 10 of them is kept per request
            long limit = (SECOND - FIRST) / 10;
            Map<String, Long> grown = new TreeMap<>();
            afterSecond.forEach((type, n) -> {
                long growth = n - afterFirst.getOrDefault(type, 0L);
                if (growth >= limit) {
                    grown.put(type, growth);
                }
            });
            assertEquals(Map.of(), grown, "live instances that grew with the requests, from " + FIRST + " to "
                    + SECOND);
        }
    }

    private static void awaitAttempted(StepObserver.LiveStep step, long count, CompletableFuture<?> running)
            throws InterruptedException {
        while (step.figures().get().attempted() < count) {
            if (running.isDone()) {
                throw new AssertionError("the run ended before " + count + " requests were counted");
            }
            Thread.sleep(1);
        }
    }
}
