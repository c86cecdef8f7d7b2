package dev.yardstick.benchmark;

import dev.yardstick.cli.BenchmarkOptions;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.export.Json;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.report.BenchmarkReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A benchmark whose client is saturated says so: busy threads started beside the step hold every carrier thread,
 * so responses wait to be read, and the report warns that its latencies include the client's queueing. (Whether a
 * quiet run stays unwarned depends on the machine it shares, so that side is judged as pure logic in
 * SaturationTest.)
 */
class ClientSaturationTest {

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void busyThreadsBesideTheRunMakeTheReportWarn() throws Exception {
        BenchmarkPlan plan = BenchmarkOptions.fromSettings(Map.of("models", List.of("mock/fast?ttft=5ms"),
                "concurrency", 4, "requests", 40), "test");
        List<Thread> busy = new ArrayList<>();
        StepObserver hog = new StepObserver() {
            @Override
            public void started(LiveStep step) {
                int carriers = Runtime.getRuntime().availableProcessors();
                for (int i = 0; i < carriers + 1; i++) {
                    busy.add(Thread.ofVirtual().start(() -> spin(TimeUnit.MILLISECONDS.toNanos(300))));
                }
            }

            @Override
            public void ended(BenchmarkReport.Step result) {
            }
        };
        BenchmarkReport report;
        try (OpenedModels models = ProviderRegistry.create(new ProviderContext(Map.of(), null), List.of(), null)
                .open(plan.models())) {
            report = new BenchmarkRun(plan, models, null, failure -> {
                throw new AssertionError(failure.line());
            }).execute(hog);
        }
        for (Thread t : busy) {
            t.join();
        }
        BenchmarkReport.Step step = report.steps().getFirst();
        assertNotNull(step.client());
        assertTrue(step.client().saturated(), step.client().describe());
        assertTrue(step.warnings().stream().anyMatch(w -> w.startsWith("The client was saturated")), step.warnings()
                .toString());
        String text = report.document().blocks().toString();
        assertTrue(text.contains("the latencies include the client's own queueing"), "the report shows it");
        assertTrue(text.contains("scheduling lag p50"), "and the client's figures");
        String json = Json.mapper().writeValueAsString(report);
        assertTrue(json.contains("\"cpuPercentOfCore\"") && json.contains("\"heapPeakBytes\""), "JSON keeps them");
        BenchmarkReport back = Json.mapper().readValue(json, BenchmarkReport.class);
        assertTrue(back.steps().getFirst().client().saturated(), "and reads them back");
    }
}
