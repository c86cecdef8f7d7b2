package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real inference: a short benchmark of the embedded stories260K model (llama.cpp in-process) from the CLI. */
class BenchmarkLocalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 12;
    private static final int INPUT = 16;
    private static final int OUTPUT = 24;

    /** The model is found as the provider finds it: ../shared/models beside the checkout, or $YARDSTICK_MODELS. */
    private static Map<String, String> env() {
        String models = System.getenv("YARDSTICK_MODELS");
        return models == null ? Map.of("YARDSTICK_OFFLINE", "1")
                : Map.of("YARDSTICK_MODELS", models, "YARDSTICK_OFFLINE", "1");
    }

    @Test
    void aShortBenchmarkOfTheEmbeddedModelReportsTheFullMetricSet() throws Exception {
        CliRun run = CliRun.of(env(), null, "benchmark", "-m", "local/stories260k", "--concurrency", "2",
                "--requests", String.valueOf(REQUESTS), "--warmup", "2", "--input-tokens", String.valueOf(INPUT),
                "--output-tokens", String.valueOf(OUTPUT), "--slo", "ttft=5s", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertTrue(report.at("/models/0/tokenizer").asText().startsWith("llama.cpp"), report.at("/models").toString());
        JsonNode stats = report.at("/steps/0/models/0");
        assertEquals(REQUESTS, stats.at("/requests/succeeded").asInt(), stats.at("/requests").toString());
        assertEquals(2, stats.at("/requests/warmupsSkipped").asInt());
        for (String metric : List.of("ttft", "itl", "tpot", "e2e", "outputRate")) {
            assertTrue(stats.at("/" + metric + "/count").asLong() > 0, metric);
            assertTrue(stats.at("/" + metric + "/p50").asDouble() > 0, metric);
        }
        assertTrue(stats.at("/ttft/p50").asDouble() <= stats.at("/e2e/p50").asDouble(), "TTFT ≤ E2E");
        long output = stats.at("/tokens/output").asLong();
        assertTrue(output > REQUESTS && output <= (long) REQUESTS * OUTPUT, "max tokens honoured: " + output);
        long input = stats.at("/tokens/input").asLong();
        assertTrue(input >= (long) REQUESTS * INPUT && input <= (long) REQUESTS * (INPUT + 4),
                "synthetic prompts of " + INPUT + " llama tokens (plus the chat template's few): " + input);
        assertTrue(stats.get("requestThroughput").asDouble() > 0 && stats.get("outputTokensPerSecond").asDouble() > 0);
        assertEquals(1.0, stats.get("sloAttainment").asDouble(), 1e-9);
    }
}
