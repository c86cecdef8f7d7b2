package dev.yardstick.benchmark.servermetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.ServerMetricsResult;
import dev.yardstick.testing.MetricsServer;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Scrapes of a loopback /metrics written as each engine writes it. */
class ServerScraperTest {

    private static ServerMetricsResult scrape(IntFunction<String> exposition, int atLeast) throws Exception {
        try (MetricsServer server = new MetricsServer(exposition)) {
            ServerScraper scraper = ServerScraper.start(server.url(), Duration.ofMillis(50));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.scrapes() < atLeast && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return scraper.stop(new ClientTtft());
        }
    }

    @Test
    void vllmGaugesOverTimeAndItsTtftPercentilesFromTheRunsBucketDeltas() throws Exception {
        ServerMetricsResult r = scrape(Expositions::vllm, 3);
        assertEquals("vllm", r.server());
        assertTrue(r.scrapes() >= 4, "the first, at least two on the interval, the last: " + r.scrapes());
        assertEquals(0, r.failedScrapes());
        assertEquals(0.0, r.points().getFirst().values().get("running"));
        assertEquals(8.0, r.points().getLast().values().get("running"));
        assertEquals(3.0, r.points().getLast().values().get("waiting"));
        assertEquals(0.42, r.points().getLast().values().get("kv_cache_usage"));
        assertTrue(r.points().getLast().second() >= r.points().getFirst().second());
        ServerMetricsResult.TtftBeside t = r.ttft();
        assertEquals(100, t.serverCount(), "the 10 requests before the run are not the run's");
        assertEquals(50.0, t.serverP50(), 1e-9);
        assertEquals(100.0, t.serverP90(), 1e-9);
        assertEquals(235.0, t.serverP99(), 1e-9);
        assertEquals(0, t.clientCount());
        assertTrue(r.notes().contains("Prefix cache over the run: 25.0% of 4000 queried tokens hit."), r.notes()
                .toString());
    }

    @Test
    void sglangAndTgiMetricsUnderTheSameNames() throws Exception {
        ServerMetricsResult sglang = scrape(Expositions::sglang, 2);
        assertEquals("sglang", sglang.server());
        assertEquals(5.0, sglang.points().getLast().values().get("running"));
        assertEquals(2.0, sglang.points().getLast().values().get("waiting"));
        assertEquals(0.25, sglang.points().getLast().values().get("kv_cache_usage"));
        assertEquals(0.5, sglang.points().getLast().values().get("cache_hit_rate"));
        assertEquals(50.0, sglang.ttft().serverP50(), 1e-9);

        ServerMetricsResult tgi = scrape(Expositions::tgi, 2);
        assertEquals("tgi", tgi.server());
        assertEquals(4.0, tgi.points().getLast().values().get("waiting"));
        assertEquals(6.0, tgi.points().getLast().values().get("running"));
        assertNull(tgi.ttft(), "TGI keeps no TTFT histogram");
        assertTrue(tgi.notes().stream().anyMatch(n -> n.startsWith("TGI queue wait over the run: mean 30.0 ms over 20"
                + " requests")), tgi.notes().toString());
    }

    @Test
    void aFailingOrForeignEndpointIsCountedAndSaidNeverFatal() throws Exception {
        ServerMetricsResult failing = scrape(n -> n % 2 == 0 ? null : Expositions.vllm(n), 4);
        assertTrue(failing.failedScrapes() >= 2, failing.toString());
        assertTrue(failing.notes().getFirst().endsWith(": HTTP 500."), failing.notes().toString());
        ServerMetricsResult foreign = scrape(n -> "process_cpu_seconds_total 3\n", 2);
        assertEquals("unknown", foreign.server());
        assertTrue(foreign.notes().getLast().startsWith("None of the vLLM, SGLang or TGI metrics"));
        ServerMetricsResult malformed = scrape(n -> "this is not prometheus\n", 2);
        assertEquals(0, malformed.scrapes());
        assertTrue(malformed.notes().getFirst().contains("line 1: "), malformed.notes().toString());
    }
}
