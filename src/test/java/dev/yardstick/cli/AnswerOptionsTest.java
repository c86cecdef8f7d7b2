package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.benchmark.AbortWindow;
import dev.yardstick.benchmark.BenchmarkPlan;
import dev.yardstick.config.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answers' settings as flags and plan-file keys, and the combinations they refuse. */
class AnswerOptionsTest {

    @TempDir
    Path dir;

    @Test
    void everySettingIsAPlanFileKeyToo() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.yaml"), """
                models: [mock/fast]
                ramp: 0->20/s over 30s
                duration: 40s
                abort-if: ["error_rate > 5%", "p99(ttft) > 2s"]
                abort-window: "200"
                abort-min-requests: 50
                timeseries: series.csv
                server-metrics: http://127.0.0.1:8000/metrics
                server-metrics-interval: 2s
                """);
        BenchmarkPlan plan = BenchmarkOptions.parse(file.toString());
        assertEquals("ramp=0→20/s over 30s", plan.steps().getFirst().label());
        assertEquals(2, plan.abortIf().size());
        assertEquals(new AbortWindow(null, 200), plan.abortWindow());
        assertEquals(50, plan.abortMinRequests());
        assertEquals(dir.resolve("series.csv"), plan.timeseries(), "relative to the plan file");
        assertEquals("http://127.0.0.1:8000/metrics", plan.serverMetrics());
        assertEquals(Duration.ofSeconds(2), plan.serverMetricsInterval());
        BenchmarkPlan search = BenchmarkOptions.parse("-m", "mock/fast", "--find-max-rate", "--slo", "ttft=1s",
                "--arrival", "poisson");
        assertTrue(search.findMaxRate());
        assertEquals(99, search.attainment());
        assertEquals(null, search.requests(), "a search sizes its probes itself");
        assertEquals(1, search.searchStartRate());
    }

    @Test
    void refusesWhatCannotWorkWithOneLine() {
        String[][] cases = {
                {"--find-max-rate", "needs --slo"},
                {"--find-max-rate --slo ttft=1s --sweep rate=1,2", "chooses the rates itself"},
                {"--find-max-rate --slo ttft=1s --attainment 100%", "less than 100%"},
                {"--attainment 95%", "applies to --find-max-rate"},
                {"--abort-window 10s", "need --abort-if"},
                {"--abort-if error_rate>1% --abort-window 0", "at least 1 request"},
                {"--ramp 0->10/s", "malformed ramp"},
                {"--ramp 0->10/s_over_1m --concurrency 2", "malformed ramp"},
                {"--server-metrics ftp://x/metrics", "http:// or https://"},
                {"--server-metrics-interval 1s", "needs --server-metrics"},
        };
        for (String[] c : cases) {
            String[] flags = ("-m mock/fast " + c[0]).split(" ");
            InputException e = assertThrows(InputException.class, () -> BenchmarkOptions.parse(flags), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
        }
    }

    @Test
    void aWindowIsATimeOrACount() {
        assertEquals(new AbortWindow(Duration.ofSeconds(30), null), AbortWindow.parse("30s"));
        assertEquals(new AbortWindow(null, 200), AbortWindow.parse("200"));
        assertEquals("last 200 requests", AbortWindow.parse("200").text());
        assertThrows(InputException.class, () -> AbortWindow.parse("soon"));
    }
}
