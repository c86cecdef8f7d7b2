package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** benchmark on the reasoning mock: TTFO trails TTFT by the thinking time, reasoning tokens counted apart. */
class BenchmarkReasoningMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THINKING_MS = 200;
    private static final int REASONING = 20;
    private static final int ANSWER = 8;
    private static final int REQUESTS = 12;

    @Test
    void ttfoTrailsTtftByTheThinkingTimeAndReasoningIsCountedApart() throws Exception {
        String model = "mock/reasoner?reasoning=" + REASONING + "&thinking=" + THINKING_MS + "ms&tokens=" + ANSWER
                + "&jitter=0";
        CliRun run = CliRun.of("benchmark", "-m", model, "--concurrency", "4", "--requests",
                String.valueOf(REQUESTS), "--warmup", "2", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode stats = JSON.readTree(run.out()).at("/steps/0/models/0");
        assertEquals(REQUESTS, stats.at("/ttfo/count").asInt(), "every request reasoned, then answered");
        double ttft = stats.at("/ttft/p50").asDouble();
        double ttfo = stats.at("/ttfo/p50").asDouble();
        // Each request's first visible token comes at least the thinking time after its first reasoning token, so
        // the medians keep that order (less HdrHistogram's 3-digit rounding); the upper margin absorbs a busy host.
        assertTrue(ttfo - ttft >= THINKING_MS - 1, "TTFT " + ttft + " ms, TTFO " + ttfo + " ms");
        assertTrue(ttfo - ttft < THINKING_MS + 250, "TTFT " + ttft + " ms, TTFO " + ttfo + " ms");
        JsonNode tokens = stats.get("tokens");
        assertEquals(REQUESTS * REASONING, tokens.get("reasoning").asInt());
        assertEquals(REQUESTS * (REASONING + ANSWER), tokens.get("output").asInt(), "output includes reasoning");
        assertEquals(REQUESTS, tokens.at("/reasoningSources/reported").asInt(), "the mock's usage reported them");
    }
}
