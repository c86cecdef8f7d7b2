package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackEndpoints;
import dev.yardstick.testing.MetricsServer;
import dev.yardstick.testing.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** benchmark's answers end to end: the time series, --abort-if against a failing endpoint, cost from a price row. */
class BenchmarkAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST = "mock/fast?ttft=10ms&itl=2ms&tokens=6&jitter=0";

    @RegisterExtension
    static final LoopbackEndpoints ENDPOINTS = LoopbackEndpoints.of("lb", Protocol.OPENAI);

    @TempDir
    Path dir;

    private static String[] with(String[] base, String... more) {
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return args;
    }

    @Test
    void theTimeSeriesCountsEveryRequestOnceInJsonAndCsv() throws Exception {
        Path csv = dir.resolve("series.csv");
        CliRun run = CliRun.of("benchmark", "-m", FAST, "--rate", "40", "--requests", "100", "--warmup", "5",
                "--timeseries", csv.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode series = JSON.readTree(run.out()).at("/timeSeries/0");
        assertEquals("rate=40/s", series.get("step").asText());
        JsonNode seconds = series.get("seconds");
        assertTrue(seconds.size() >= 2, "100 requests at 40/s span at least 2.5 s: " + seconds);
        long ended = 0;
        for (int i = 0; i < seconds.size(); i++) {
            JsonNode s = seconds.get(i);
            assertEquals(i, s.get("second").asInt());
            ended += s.get("ended").asLong();
            if (s.get("ended").asLong() > s.get("errors").asLong()) {
                double p50 = s.get("ttftP50").asDouble();
                assertTrue(p50 >= 10 && p50 <= s.get("ttftP99").asDouble(), "TTFT p50 at least the injected 10 ms,"
                        + " at most its p99: " + s);
                assertTrue(s.get("e2eP50").asDouble() >= 20, "E2E p50 at least 10 ms + 5 × 2 ms: " + s);
            }
        }
        assertEquals(100, ended, "every measured request in exactly one second, no warm-up");
        double fullSecond = seconds.get(1).get("throughput").asDouble();
        assertTrue(fullSecond > 20 && fullSecond < 60, "about 40 req/s in a full second: " + fullSecond);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.getFirst().startsWith("step,second,length_s,ended,errors,throughput"), lines.getFirst());
        assertEquals(seconds.size() + 1, lines.size(), "a header and one row per second");
        assertTrue(lines.get(1).startsWith("rate=40/s,0,"), lines.get(1));
    }

    @Test
    void abortIfStopsARunAgainstAFailingEndpointKeepsThePartialReportAndExitsOne() throws Exception {
        ENDPOINTS.server().behavior(Behavior.DEFAULT.failing(503));
        Path report = dir.resolve("report.json");
        Path markdown = dir.resolve("report.md");
        long started = System.nanoTime();
        CliRun run = CliRun.of(LoopbackEndpoints.ENV, null, "benchmark", "--config", ENDPOINTS.config(), "-m",
                "lb/test-model", "--input-tokens", "16", "--rate", "50", "--requests", "2000",
                "--abort-if", "error_rate > 5%", "--abort-window", "10s", "--abort-min-requests", "20",
                "-o", report.toString(), "-o", markdown.toString(), "--format", "json");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("Aborted by --abort-if 'error_rate > 5%'"), run.err());
        JsonNode written = JSON.readTree(Files.readString(report));
        JsonNode aborted = written.get("aborted");
        assertNotNull(aborted, "the report says why it stopped");
        assertEquals("error_rate > 5%", aborted.get("gate").asText());
        assertEquals("last 10.00s", aborted.get("window").asText());
        assertTrue(aborted.get("requests").asLong() >= 20, "never before the window holds 20: " + aborted);
        long attempted = written.at("/steps/0/models/0/requests/attempted").asLong();
        assertTrue(attempted >= 20 && attempted < 2000, "stopped early, measured kept: " + attempted);
        assertEquals(attempted, written.at("/steps/0/models/0/requests/failed").asLong());
        assertTrue(seconds < 35, "2000 requests at 50/s would take 40 s; the run took " + seconds);
        assertTrue(!written.at("/run/interrupted").asBoolean(), "an abort is not an interruption");
        assertTrue(Files.readString(markdown).contains("Aborted by --abort-if"), "the Markdown says it too");
    }

    @Test
    void oneEarlyErrorDoesNotAbortARunBelowTheMinimumCount() {
        CliRun run = CliRun.of("benchmark", "-m", "mock/flaky?ttft=1ms&itl=1ms&tokens=2&error-rate=0.2&seed=3",
                "--requests", "15", "--abort-if", "error_rate > 5%", "--abort-min-requests", "20", "--format",
                "json");
        assertTrue(run.exitCode() == 0, run.err());
        assertTrue(!run.out().contains("\"aborted\":{"), "15 requests never reach the minimum of 20");
    }

    @Test
    void costsFollowTheCitedPriceRowAtTheMeasuredTokensAndThroughput() throws Exception {
        ENDPOINTS.server().behavior(Behavior.DEFAULT.withReportedUsage(1000, 200).withTokens(4));
        Path prices = Files.writeString(dir.resolve("prices.yaml"), """
                prices:
                  - model: lb/test-model
                    input: 3.00
                    output: 15.00
                    source: test price sheet
                    as-of: 2026-01-15
                """);
        Map<String, String> env = new HashMap<>(LoopbackEndpoints.ENV);
        env.put("YARDSTICK_PRICES", prices.toString());
        String[] args = {"benchmark", "--config", ENDPOINTS.config(), "-m", "lb/test-model", "--input-tokens", "16",
                "--concurrency", "2", "--requests", "20"};
        CliRun run = CliRun.of(env, null, with(args, "--format", "json"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        JsonNode cost = report.at("/costs/0");
        // 1000 in × $3/M + 200 out × $15/M = $0.003 + $0.003 = $0.006 a request.
        assertEquals(0.006, cost.get("perRequest").asDouble(), 1e-12);
        assertEquals(6.0, cost.get("perThousand").asDouble(), 1e-9);
        double throughput = report.at("/steps/0/models/0/requestThroughput").asDouble();
        assertEquals(0.006 * throughput * 3600, cost.get("perHour").asDouble(), 1e-9);
        assertEquals("test price sheet", cost.at("/price/source").asText());
        assertEquals("2026-01-15", cost.at("/price/asOf").asText());
        assertEquals("lb/test-model", cost.at("/price/model").asText());
        CliRun table = CliRun.of(env, null, with(args, "--format", "md"));
        assertTrue(table.out().contains("$0.0060"), table.out());
        assertTrue(table.out().contains("test price sheet, as of 2026-01-15"), table.out());
        CliRun csv = CliRun.of(env, null, with(args, "--format", "csv"));
        assertTrue(csv.out().contains(",cost_per_1000_requests,USD,6.0"), csv.out());
    }

    @Test
    void serverMetricsStandBesideTheClientsInJsonAndMarkdown() throws Exception {
        String labels = "model_name=\"m\"";
        try (MetricsServer metrics = new MetricsServer(n -> "vllm:num_requests_running{" + labels + "} "
                + (n == 0 ? 0 : 2) + "\n" + ttftBuckets(n > 0))) {
            Path json = dir.resolve("server.json");
            CliRun run = CliRun.of("benchmark", "-m", FAST, "--rate", "20", "--requests", "30", "--server-metrics",
                    metrics.url(), "--server-metrics-interval", "200ms", "-o", json.toString(), "--format", "md");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode server = JSON.readTree(Files.readString(json)).get("serverMetrics");
            assertEquals("vllm", server.get("server").asText());
            assertEquals(metrics.url(), server.get("url").asText());
            assertTrue(server.get("scrapes").asInt() >= 3, "1.5 s at one scrape per 200 ms: " + server);
            assertEquals(2.0, server.at("/points").get(server.get("points").size() - 1).at("/values/running")
                    .asDouble());
            assertEquals(40.0, server.at("/ttft/serverP50").asDouble(), 1e-9);
            assertEquals(30, server.at("/ttft/clientCount").asInt());
            assertTrue(server.at("/ttft/clientP50").asDouble() >= 10, "the mock's 10 ms at least");
            assertTrue(run.out().contains("Server metrics (vllm)"), run.out());
            assertTrue(run.out().contains("gap (client − server)"), run.out());
        }
    }

    /** 20 requests during the run, all in (30, 50] ms: the p50 interpolates to 40 ms. */
    private static String ttftBuckets(boolean after) {
        String h = "vllm:time_to_first_token_seconds_bucket";
        return h + "{le=\"0.03\"} 0\n" + h + "{le=\"0.05\"} " + (after ? 20 : 0) + "\n" + h + "{le=\"+Inf\"} "
                + (after ? 20 : 0) + "\n";
    }

    @Test
    void aRampRunsOpenLoopUnderItsOwnLabel() throws Exception {
        CliRun run = CliRun.of("benchmark", "-m", FAST, "--ramp", "0->40/s over 1s", "--arrival", "poisson",
                "--requests", "40", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("ramp=0→40/s over 1s", report.at("/steps/0/load").asText());
        assertEquals("poisson", report.at("/steps/0/arrival").asText());
        assertEquals("0->40/s over 1s", report.at("/run/settings/ramp").asText(), "the plan as written");
        assertEquals(40, report.at("/steps/0/lateness/dispatched").asInt());
        CliRun both = CliRun.of("benchmark", "-m", FAST, "--ramp", "0->40/s over 1s", "--rate", "5");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--ramp sets the rate over time"), both.err());
    }

    @Test
    void aModelWithoutAPriceSaysSoAndAMockCostsZeroWithANote() throws Exception {
        ENDPOINTS.server().behavior(Behavior.DEFAULT.withTokens(2));
        Map<String, String> env = new HashMap<>(LoopbackEndpoints.ENV);
        env.put("YARDSTICK_PRICES", dir.resolve("none.yaml").toString());
        CliRun unpriced = CliRun.of(env, null, "benchmark", "--config", ENDPOINTS.config(), "-m", "lb/test-model",
                "--input-tokens", "16", "--requests", "3", "--format", "json");
        assertEquals(0, unpriced.exitCode(), unpriced.err());
        JsonNode cost = JSON.readTree(unpriced.out()).at("/costs/0");
        assertTrue(cost.path("price").isMissingNode() && cost.path("perRequest").isMissingNode(), cost.toString());
        assertTrue(cost.get("note").asText().startsWith("no price for 'lb/test-model'"), cost.toString());
        CliRun mock = CliRun.of(env, null, "benchmark", "-m", FAST, "--requests", "3", "--format", "json");
        JsonNode mockCost = JSON.readTree(mock.out()).at("/costs/0");
        assertEquals(0, mockCost.get("perRequest").asDouble());
        assertTrue(!mockCost.at("/price/priced").asBoolean());
        assertTrue(mockCost.get("note").asText().contains("counted as $0"), mockCost.toString());
    }
}
