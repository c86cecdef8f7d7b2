package dev.yardstick.benchmark;

import dev.yardstick.cli.BenchmarkOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.stats.Metric;
import dev.yardstick.export.Json;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.report.BenchmarkReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signal before any request finished: the report of nothing is still valid, typed JSON, every undefined figure
 * null (never the string "NaN"), every model listed with zero counts, and it reads back.
 */
class ReportOfNothingTest {

    @Test
    void aRunCancelledBeforeAnyRequestFinishedReportsEveryModelWithZeroCountsAndNoNaN() throws Exception {
        BenchmarkPlan plan = BenchmarkOptions.fromSettings(Map.of("models", List.of("mock/fast",
                "mock/slow"), "requests", 10), "test");
        BenchmarkReport report;
        try (OpenedModels models = ProviderRegistry.create(new ProviderContext(Map.of(), null), List.of(), null)
                .open(plan.models())) {
            BenchmarkRun run = new BenchmarkRun(plan, models, null, failure -> {
                throw new AssertionError(failure.line());
            });
            run.cancel();
            report = run.execute(new StepObserver() {
                @Override
                public void started(LiveStep step) {
                }

                @Override
                public void ended(BenchmarkReport.Step result) {
                }
            });
        }
        String json = Json.mapper().writeValueAsString(report);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        JsonNode step = Json.mapper().readTree(json).at("/steps/0");
        assertTrue(step.get("badPercent").isNull(), "undefined: null");
        assertEquals(List.of("mock/fast", "mock/slow"), step.get("models").findValuesAsText("model"));
        for (JsonNode model : step.get("models")) {
            assertEquals(0, model.at("/requests/attempted").asInt());
            assertTrue(model.at("/e2e/p50").isNull(), "no latency: null, not a number, not a string");
        }
        BenchmarkReport back = Json.mapper().readValue(json, BenchmarkReport.class);
        assertTrue(Double.isNaN(back.steps().getFirst().badPercent()), "null reads back as undefined");
        assertTrue(Double.isNaN(back.steps().getFirst().models().getFirst().metric(Metric.E2E).p50()));
    }
}
