package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackEndpoints;
import dev.yardstick.testing.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --retries} and {@code --fault} end to end: benchmark through the real OpenAI client against a loopback
 * server that fails 30% of requests, and compare and benchmark with faults injected in front of the mock provider.
 */
class RetriesAndFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 40;

    @RegisterExtension
    static final LoopbackEndpoints ENDPOINTS = LoopbackEndpoints.of("lb", Protocol.OPENAI);

    private static JsonNode run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRun run = CliRun.of(LoopbackEndpoints.ENV, null, all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private static JsonNode benchmarkLoopback(int retries) throws Exception {
        return run("benchmark", "--config", ENDPOINTS.config(), "-m", "lb/test-model", "--input-tokens", "16",
                "--timeout", "10s", "--concurrency", "1", "--requests", String.valueOf(REQUESTS), "--retries",
                String.valueOf(retries)).at("/steps/0");
    }

    /**
     * Three requests in ten fail: two with 503, one with 429. The 429 names no Retry-After: each retry then waits
     * the backoff (200 ms) rather than a second, and waiting out a Retry-After is {@link
     * #aRetryAfterLongerThanTheBackoffIsWaitedOut}'s to prove.
     */
    private static void failThirtyPercent() {
        ENDPOINTS.server().script(index -> switch ((int) (index % 10)) {
            case 2, 5 -> Behavior.DEFAULT.failing(503);
            case 8 -> Behavior.DEFAULT.failing(429);
            default -> null;
        });
    }

    @Test
    void retriesLowerTheErrorRateAndAreCounted() throws Exception {
        failThirtyPercent();
        JsonNode once = benchmarkLoopback(0).at("/models/0");
        ENDPOINTS.server().reset();
        failThirtyPercent();
        JsonNode retried = benchmarkLoopback(2).at("/models/0");

        assertEquals(REQUESTS, once.at("/requests/attempted").asInt());
        assertEquals(0.3, once.get("errorRate").asDouble(), 0.001, "every third in ten failed: " + once);
        assertEquals(0, once.at("/requests/retries").asInt());
        assertEquals(8, once.at("/requests/errors/http-5xx").asInt(), once.toString());
        assertEquals(4, once.at("/requests/errors/rate-limited").asInt(), once.toString());

        assertEquals(REQUESTS, retried.at("/requests/attempted").asInt(), "a retry is no new request");
        assertTrue(retried.at("/requests/retries").asInt() >= 12, "each failed try was retried: " + retried);
        assertTrue(retried.get("errorRate").asDouble() < once.get("errorRate").asDouble(),
                "with retries " + retried.get("errorRate") + " against " + once.get("errorRate"));
        assertEquals(REQUESTS, retried.at("/requests/succeeded").asInt() + retried.at("/requests/failed").asInt());
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedOut() throws Exception {
        ENDPOINTS.server().enqueue(Behavior.DEFAULT.rateLimited(Duration.ofSeconds(1)));
        JsonNode step = run("benchmark", "--config", ENDPOINTS.config(), "-m", "lb/test-model", "--input-tokens",
                "16", "--timeout", "10s", "--concurrency", "1", "--requests", "1", "--retries", "2").at("/steps/0");
        JsonNode stats = step.at("/models/0");
        assertEquals(1, stats.at("/requests/succeeded").asInt(), stats.toString());
        assertEquals(1, stats.at("/requests/retries").asInt(), stats.toString());
        // The backoff alone is 200 ms ±20%: only the server's Retry-After makes the wait a second.
        assertTrue(stats.at("/e2e/min").asDouble() >= 1000, "the user waited the Retry-After: " + stats.get("e2e"));
        JsonNode alone = step.at("/withoutRetries/0");
        assertEquals(1, alone.get("retried").asInt(), step.toString());
        assertTrue(alone.at("/e2e/max").asDouble() < stats.at("/e2e/min").asDouble() - 900,
                "the answering try alone leaves the wait out: " + alone.get("e2e"));
    }

    @Test
    void aFaultOnCompareHitsTheNthRequestOnly() throws Exception {
        JsonNode report = run("compare", "-m", "mock/fast", "-p", "hi", "--repeat", "5", "--concurrency", "1",
                "--fault", "mock/fast:503@3");
        List<Boolean> ok = new ArrayList<>();
        report.get("samples").forEach(s -> ok.add(s.get("ok").asBoolean()));
        assertEquals(List.of(true, true, false, true, true), ok);
        assertEquals("http-5xx", report.at("/samples/2/error/errorClass").asText(), report.at("/samples/2").toString());
        assertTrue(report.at("/samples/2/attempts").isMissingNode(), "one try, no retry: " + report.at("/samples/2"));
    }

    @Test
    void aRetriedCompareSampleShowsItsTriesAndTheirTime() throws Exception {
        // An injected 503 asks for the default Retry-After of 1 s, longer than the 200 ms backoff.
        JsonNode report = run("compare", "-m", "mock/fast", "-p", "hi", "--repeat", "3", "--concurrency", "1",
                "--retries", "1", "--fault", "mock/fast:503@2x1");
        JsonNode retried = report.at("/samples/1");
        assertTrue(retried.get("ok").asBoolean(), retried.toString());
        assertEquals(2, retried.get("attempts").asInt(), retried.toString());
        assertTrue(retried.get("retryMs").asDouble() >= 1000, "waited the Retry-After: " + retried);
        assertTrue(retried.get("e2eMs").asDouble() >= retried.get("retryMs").asDouble(), retried.toString());
        assertEquals(1, report.at("/summary/0/stats/requests/retries").asInt(), report.at("/summary").toString());
    }

    @Test
    void aFaultOnBenchmarkThatRecoversIsRetried() throws Exception {
        JsonNode report = run("benchmark", "-m", "mock/fast", "--requests", "6", "--concurrency", "1", "--retries",
                "1", "--fault", "mock/fast:500@2x1", "--fault", "mock/fast:429=10ms@4");
        JsonNode stats = report.at("/steps/0/models/0");
        assertTrue(report.get("notes").toString().contains("2 retries (tries beyond a request's first)"),
                report.get("notes").toString());
        assertEquals(5, stats.at("/requests/succeeded").asInt(), stats.toString());
        assertEquals(1, stats.at("/requests/errors/rate-limited").asInt(), "every try of the 4th failed: " + stats);
        assertEquals(2, stats.at("/requests/retries").asInt(), "one retry each for the 2nd and the 4th: " + stats);
    }

    @Test
    void aFaultForAModelNotInTheRunIsAUsageError() {
        CliRun run = CliRun.of("compare", "-m", "mock/fast", "-p", "hi", "--fault", "mock/slow:503@1");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("'mock/slow' is not a model of this run"), run.err());
        CliRun retries = CliRun.of("benchmark", "-m", "mock/fast", "--requests", "1", "--retries", "11");
        assertEquals(ExitCodes.USAGE, retries.exitCode(), retries.err());
        assertTrue(retries.err().contains("--retries must be between 0 and 10"), retries.err());
    }
}
