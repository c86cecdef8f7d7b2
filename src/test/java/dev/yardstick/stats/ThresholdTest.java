package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.ErrorClass;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdTest {

    private static ModelStats stats(int requests, double ttftMs, int failures) {
        MetricsRecorder r = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        for (int i = 0; i < requests; i++) {
            r.record(sample().at(i * 100).ttft(ttftMs).e2e(ttftMs + 100).build());
        }
        for (int i = 0; i < failures; i++) {
            r.record(sample().at(0).e2e(10).failed(ErrorClass.RATE_LIMITED).build());
        }
        return r.snapshot().getFirst();
    }

    @Test
    void parsesTheGateForms() {
        Threshold ttft = Threshold.parse("p95(ttft) > 800ms");
        assertEquals(new MetricStat(Stat.P95, Metric.TTFT), ttft.quantity());
        assertEquals(Threshold.Operator.GREATER, ttft.operator());
        assertEquals(800, ttft.limit(), 1e-12);

        assertEquals(5000, Threshold.parse("p99(e2e) > 5s").limit(), 1e-12);
        assertEquals(1, Threshold.parse("error_rate > 1%").limit(), 1e-12);
        assertEquals(Rate.THROUGHPUT, Threshold.parse("throughput < 10").quantity());
        assertEquals(Threshold.Operator.LESS, Threshold.parse("goodput<5").operator());
        assertEquals(Rate.GOODPUT, Threshold.parse("goodput<5").quantity());
        assertEquals(20, Threshold.parse("P50(OUTPUT_RATE) < 20 tokens/s").limit(), 1e-12);
        assertEquals(Stat.P999, ((MetricStat) Threshold.parse("p99.9(itl) >= 100ms").quantity()).stat());
        assertEquals(Threshold.Operator.LESS_OR_EQUAL, Threshold.parse("output_tps <= 100").operator());
        assertEquals(0.25, Threshold.parse("max(queue) > 250us").limit(), 1e-12);
    }

    @Test
    void badGatesAreOneLineInputErrorsThatNameTheGate() {
        assertMessage("p95(ttft) > 800", "needs a unit");
        assertMessage("p95(foo) > 1s", "unknown metric 'foo'");
        assertMessage("p42(ttft) > 1s", "unknown statistic 'p42'");
        assertMessage("latency > 1s", "unknown figure 'latency'");
        assertMessage("error_rate > 1", "needs a % sign");
        assertMessage("error_rate > 120%", "outside 0%..100%");
        assertMessage("throughput < fast", "malformed limit 'fast'");
        assertMessage("p95(ttft) 800ms", "malformed gate");
        assertMessage("p95(ttft) > soon", "malformed duration");
        assertThrows(InputException.class, () -> Threshold.parse(" "));
    }

    private static void assertMessage(String gate, String expected) {
        InputException e = assertThrows(InputException.class, () -> Threshold.parse(gate));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(gate.trim()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aBreachedGateSaysByHowMuch() {
        Verdict v = Threshold.parse("p95(ttft) > 800ms").evaluate(stats(100, 912, 0));
        assertTrue(v.failed());
        assertEquals(912, v.actual(), 1);
        assertEquals("p95(ttft) = 912 ms > 800 ms", v.message());
        assertEquals("mock/a", v.model());
    }

    @Test
    void aGateThatHoldsSaysSoToo() {
        Verdict v = Threshold.parse("p95(ttft) > 800ms").evaluate(stats(100, 700, 0));
        assertFalse(v.failed());
        assertEquals("p95(ttft) = 700 ms, not > 800 ms", v.message());
        // 40 requests over 3.9 s + 0.8 s
        Verdict throughput = Threshold.parse("throughput < 10").evaluate(stats(40, 700, 0));
        assertTrue(throughput.failed(), throughput.message());
        assertEquals("throughput = 8.51 req/s < 10 req/s", throughput.message());
    }

    @Test
    void errorRateIsJudgedInPercent() {
        Verdict v = Threshold.parse("error_rate > 1%").evaluate(stats(39, 100, 1));
        assertTrue(v.failed());
        assertEquals("error_rate = 2.5% > 1%", v.message());
        assertFalse(Threshold.parse("error_rate > 5%").evaluate(stats(39, 100, 1)).failed());
        Verdict attainment = Threshold.parse("slo_attainment < 99%").evaluate(stats(39, 100, 1));
        assertEquals("slo_attainment = 97.5% < 99%", attainment.message());
    }

    @Test
    void aFigureWithNoValueFailsTheGate() {
        Verdict v = Threshold.parse("p95(ttft) > 800ms").evaluate(stats(0, 100, 3));
        assertTrue(v.failed());
        assertTrue(v.message().startsWith("p95(ttft) has no value"), v.message());
    }

    @Test
    void aTailPercentileOfFewValuesIsCalledTheMax() {
        Verdict v = Threshold.parse("p99(ttft) > 800ms").evaluate(stats(10, 900, 0));
        assertEquals("p99(ttft) = 900 ms > 800 ms (only 10 values: p99 is the max)", v.message());
    }
}
