package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackEndpoints;
import dev.yardstick.testing.Protocol;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * benchmark through the real langchain4j clients against loopback OpenAI- and Anthropic-compatible servers with known
 * injected delays: the reported percentiles must match them, coordinated omission must not hide a stall in rate
 * mode, and 429s and 5xx must be classed and counted.
 */
class BenchmarkLoopbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How far above the injected delay a median may be: loopback HTTP, SSE parsing and scheduling on a busy 2-core
     * machine. Nothing can be measured below the injected delay, so that bound is exact.
     */
    private static final double TOLERANCE_MS = 25;

    @RegisterExtension
    static final LoopbackEndpoints ENDPOINTS = LoopbackEndpoints.of(Map.of("lb-openai", Protocol.OPENAI, "lb-anthropic",
            Protocol.ANTHROPIC));

    private static JsonNode benchmark(String model, String... load) throws Exception {
        String[] base = {"benchmark", "--config", ENDPOINTS.config(), "-m", model, "--input-tokens", "16",
                "--timeout", "10s", "--format", "json"};
        String[] args = new String[base.length + load.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(load, 0, args, base.length, load.length);
        CliRun run = CliRun.of(LoopbackEndpoints.ENV, null, args);
        assertTrue(run.exitCode() == 0, run.err());
        return JSON.readTree(run.out()).at("/steps/0/models/0");
    }

    private static void assertNear(double injected, JsonNode metric, String what) {
        double p50 = metric.get("p50").asDouble();
        assertTrue(p50 >= injected - 1 && p50 <= injected + TOLERANCE_MS,
                what + " p50 " + p50 + " ms against an injected " + injected + " ms");
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "ANTHROPIC"})
    void percentilesMatchTheInjectedDelays(Protocol protocol) throws Exception {
        ENDPOINTS.server().behavior(Behavior.DEFAULT.withTtft(Duration.ofMillis(50)).withItl(Duration.ofMillis(10))
                .withTokens(10));
        JsonNode stats = benchmark("lb-" + protocol.name().toLowerCase() + "/test-model", "--concurrency", "8",
                "--requests", "48", "--warmup", "8");
        assertEquals(48, stats.at("/requests/succeeded").asInt(), stats.toString());
        assertNear(50, stats.get("ttft"), protocol + " TTFT");
        assertNear(10, stats.get("itl"), protocol + " ITL");
        assertNear(50 + 9 * 10, stats.get("e2e"), protocol + " E2E");
        assertNear(10, stats.get("tpot"), protocol + " TPOT");
        assertEquals(48 * 9, stats.at("/itl/count").asInt(), "every gap of every request");
        assertEquals(480, stats.at("/tokens/output").asInt());
        assertEquals(48, stats.at("/tokens/outputSources/reported").asInt(), "the server's usage is used");
    }

    /**
     * The coordinated-omission test. The server stalls one request in a hundred for a second and serves one request
     * at a time (one slot: --max-concurrency 1, like wrk2 on one connection). At a fixed rate the requests scheduled
     * during the stall queue behind it, and since their latency counts from their scheduled start, p99 shows the
     * stall. A closed loop at concurrency 1 simply stops sending during the stall: one slow request in a hundred, and
     * a p99 that never sees it.
     */
    @Test
    void aStallShowsInRateModeP99WhereAClosedLoopHidesIt() throws Exception {
        ENDPOINTS.server().behavior(Behavior.DEFAULT.withTokens(4).stallEvery(100, Duration.ofSeconds(1)));
        JsonNode open = benchmark("lb-openai/m", "--rate", "50", "--max-concurrency", "1", "--requests", "100");
        double openP99 = open.at("/e2e/p99").asDouble();
        assertTrue(openP99 >= 900, "rate mode p99 must show the 1 s stall: " + openP99 + " ms");
        assertTrue(open.at("/queue/p50").asDouble() > 0, "the wait for the slot is latency, and queue time");

        ENDPOINTS.server().reset();
        ENDPOINTS.server().behavior(Behavior.DEFAULT.withTokens(4).stallEvery(100, Duration.ofSeconds(1)));
        JsonNode closed = benchmark("lb-openai/m", "--concurrency", "1", "--requests", "100");
        double closedP99 = closed.at("/e2e/p99").asDouble();
        assertTrue(closed.at("/e2e/max").asDouble() >= 1000, "the stall happened: " + closed.at("/e2e/max"));
        assertTrue(closedP99 < 500, "closed loop hides it below p99: " + closedP99 + " ms");
    }

    @Test
    void rateLimitsAndServerErrorsAreClassedAndCounted() throws Exception {
        ENDPOINTS.server().script(index -> switch ((int) (index % 10)) {
            case 3 -> Behavior.DEFAULT.rateLimited(Duration.ofSeconds(2));
            case 7 -> Behavior.DEFAULT.failing(503);
            default -> null;
        });
        JsonNode stats = benchmark("lb-openai/m", "--concurrency", "1", "--requests", "40");
        assertEquals(40, stats.at("/requests/attempted").asInt());
        assertEquals(32, stats.at("/requests/succeeded").asInt());
        assertEquals(4, stats.at("/requests/errors/rate-limited").asInt(), stats.at("/requests").toString());
        assertEquals(4, stats.at("/requests/errors/http-5xx").asInt());
        assertEquals(0.2, stats.get("errorRate").asDouble(), 1e-9);
        assertEquals(32, stats.at("/e2e/count").asInt(), "failed requests stay out of the latencies");
    }
}
