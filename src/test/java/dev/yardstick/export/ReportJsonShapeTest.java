package dev.yardstick.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.CompareReport;
import dev.yardstick.stats.Metric;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The distributions are one map in {@link dev.yardstick.stats.ModelStats}, one field per {@link Metric} in JSON:
 * the example reports, read into their records and written again, keep every field of every model's statistics,
 * in the same order and with the same values, and report definitions keep their keys and order.
 */
class ReportJsonShapeTest {

    private final ObjectMapper json = Json.mapper();

    @Test
    void benchmarkExampleKeepsItsStatsFieldForField() throws Exception {
        JsonNode file = json.readTree(Path.of("reports/benchmark-local.json").toFile());
        JsonNode again = rewritten(file, BenchmarkReport.class);
        JsonNode before = file.get("steps").get(0).get("models").get(0);
        JsonNode after = again.get("steps").get(0).get("models").get(0);
        assertSameFields(before, after);
        assertEquals(names(file.get("definitions")), names(again.get("definitions")));
        assertEquals(file.get("definitions"), again.get("definitions"));
        assertEquals(List.of("e2e", "ttft", "ttfo", "itl", "tpot", "queue", "output_rate", "reasoning_tokens",
                "window", "throughput",
                "output_tps", "goodput", "slo_attainment", "error_rate", "tokens", "late starts", "budget",
                "percentiles", "bursts", "short answers", "client", "time series", "cost"),
                names(BenchmarkReport.standardDefinitions()));
    }

    @Test
    void compareExampleKeepsItsStatsAndDefinitionOrder() throws Exception {
        JsonNode file = json.readTree(Path.of("reports/compare-stories.json").toFile());
        JsonNode again = rewritten(file, CompareReport.class);
        for (int i = 0; i < file.get("summary").size(); i++) {
            assertSameFields(file.get("summary").get(i).get("stats"), again.get("summary").get(i).get("stats"));
        }
        assertEquals(List.of("ttft", "e2e", "ttfo", "itl", "tpot", "output_rate", "reasoning_tokens", "tokens", "cost",
                        "bursts", "client"),
                names(CompareReport.definitions()));
    }

    @Test
    void everyMetricIsAFieldOfItsOwnBetweenTheTokensAndTheFlags() throws Exception {
        JsonNode file = json.readTree(Path.of("reports/benchmark-local.json").toFile());
        JsonNode stats = rewritten(file, BenchmarkReport.class).get("steps").get(0).get("models").get(0);
        List<String> expected = new ArrayList<>(List.of("model", "requests", "errorRate", "window",
                "windowSeconds", "requestThroughput", "outputTokensPerSecond", "goodput", "sloAttainment", "slo",
                "tokens"));
        for (Metric metric : Metric.values()) {
            if (metric.onlyWhenRecorded()) { // TTFO and reasoning tokens: absent where no request reasoned
                assertFalse(stats.has(metric.field()), metric.field());
                continue;
            }
            expected.add(metric.field());
            assertEquals(metric.name(), stats.get(metric.field()).get("metric").asText());
        }
        expected.add("flags");
        assertEquals(expected, names(stats));
        assertEquals(List.of("e2e", "ttft", "ttfo", "itl", "tpot", "queue", "outputRate", "reasoningTokens"),
                List.of(Metric.values()).stream().map(Metric::field).toList(), "the JSON names reports have used");
    }

    private JsonNode rewritten(JsonNode file, Class<?> type) throws Exception {
        return json.readTree(json.writeValueAsString(json.treeToValue(file, type)));
    }

    /** Same names in the same order, same values; a field the file predates (flags) may be added at the end. */
    private static void assertSameFields(JsonNode before, JsonNode after) {
        List<String> written = names(after);
        written.removeIf(name -> !before.has(name));
        assertEquals(names(before), written);
        before.fieldNames().forEachRemaining(name -> assertEquals(before.get(name), after.get(name), name));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(java.util.Map<String, String> map) {
        return new ArrayList<>(map.keySet());
    }
}
