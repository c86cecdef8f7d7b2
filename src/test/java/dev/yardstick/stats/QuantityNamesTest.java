package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures users name in gates and diffs: how they are read, written and bounded. */
class QuantityNamesTest {

    @Test
    void sharesAreWrittenWithTheirPercentSignAndRatesWithTheirUnit() {
        assertEquals("2.5%", Rate.ERROR_RATE.format(2.5));
        assertEquals("97%", Rate.SLO_ATTAINMENT.format(97));
        assertEquals("12.3 req/s", Rate.THROUGHPUT.format(12.34));
        assertEquals("450 tokens/s", Rate.OUTPUT_TPS.format(450.2));
    }

    @Test
    void aShareLimitNeedsItsSignAndLiesBetweenNoneAndAll() {
        assertEquals(1, Rate.ERROR_RATE.parseLimit("1%"), 0);
        assertEquals(0, Rate.ERROR_RATE.parseLimit("0%"), 0);
        assertEquals(100, Rate.SLO_ATTAINMENT.parseLimit(" 100% "), 0);
        assertEquals("limit '1' for error_rate needs a % sign (e.g. 1%)",
                assertThrows(InputException.class, () -> Rate.ERROR_RATE.parseLimit("1")).getMessage());
        assertEquals("limit '100.5%' for slo_attainment is outside 0%..100%",
                assertThrows(InputException.class, () -> Rate.SLO_ATTAINMENT.parseLimit("100.5%")).getMessage());
        assertThrows(InputException.class, () -> Rate.ERROR_RATE.parseLimit("-0.5%"));
        assertEquals(10, Rate.GOODPUT.parseLimit("10 req/s"), 0, "a rate takes a plain number or its unit");
    }

    @Test
    void rateLabelsAreExactAndAnUnknownOneListsTheKnown() {
        for (Rate r : Rate.values()) {
            assertSame(r, Rate.fromLabel(r.label()));
        }
        InputException e = assertThrows(InputException.class, () -> Rate.fromLabel("latency"));
        assertEquals("unknown figure 'latency' (use throughput, output_tps, goodput, error_rate, slo_attainment, or"
                + " a statistic of a metric such as p95(ttft); metrics: e2e, ttft, ttfo, itl, tpot, queue, output_rate, reasoning_tokens)",
                e.getMessage());
    }

    @Test
    void onlyRatesAndAttainmentAreBetterHigher() {
        assertTrue(Rate.THROUGHPUT.higherIsBetter());
        assertTrue(Rate.OUTPUT_TPS.higherIsBetter());
        assertTrue(Rate.GOODPUT.higherIsBetter());
        assertTrue(Rate.SLO_ATTAINMENT.higherIsBetter());
        assertFalse(Rate.ERROR_RATE.higherIsBetter());
        assertTrue(new MetricStat(Stat.P50, Metric.OUTPUT_RATE).higherIsBetter());
        assertFalse(new MetricStat(Stat.P50, Metric.E2E).higherIsBetter());
        assertEquals("tokens/s", new MetricStat(Stat.MEAN, Metric.OUTPUT_RATE).unit());
    }

    @Test
    void quantitiesAreParsedInAnyCaseWithSpaces() {
        assertEquals(new MetricStat(Stat.P999, Metric.TTFT), Quantity.parse(" P999( TTFT ) "));
        assertEquals(new MetricStat(Stat.P999, Metric.ITL), Quantity.parse("p99.9(itl)"));
        assertEquals(new MetricStat(Stat.MAX, Metric.OUTPUT_RATE), Quantity.parse("max(output_rate)"));
        assertSame(Rate.OUTPUT_TPS, Quantity.parse("Output_TPS"));
        assertEquals("p95(queue)", new MetricStat(Stat.P95, Metric.QUEUE).label());
    }

    @Test
    void statisticsAndMetricsAreKnownByTheirNamesOnly() {
        assertSame(Stat.P50, Stat.fromLabel(" P50 "));
        assertSame(Stat.STDDEV, Stat.fromLabel("stddev"));
        assertEquals("unknown statistic 'p42' (use p50, p90, p95, p99, p99.9, mean, stddev, min, max)",
                assertThrows(InputException.class, () -> Stat.fromLabel("p42")).getMessage());
        assertSame(Metric.OUTPUT_RATE, Metric.fromKey(" Output_Rate"));
        assertEquals("unknown metric 'latency' (use e2e, ttft, ttfo, itl, tpot, queue, output_rate, reasoning_tokens)",
                assertThrows(InputException.class, () -> Metric.fromKey("latency")).getMessage());
    }

    @Test
    void aPercentileIsTheMaxOnlyWhenItsRankIsTheLast() {
        // p99's rank ⌈0.99·n⌉ is n below 100 values; of 100 it is the 99th, one below the max
        assertTrue(Stat.P99.isMaxFor(1));
        assertTrue(Stat.P99.isMaxFor(99));
        assertFalse(Stat.P99.isMaxFor(100));
        assertTrue(Stat.P50.isMaxFor(1));
        assertFalse(Stat.P50.isMaxFor(2));
        assertFalse(Stat.P99.isMaxFor(0), "no values, no max");
        assertFalse(Stat.MEAN.isMaxFor(1), "not a percentile");
        assertTrue(Stat.P95.isPercentile());
        assertFalse(Stat.MIN.isPercentile());
        assertEquals(0.999, Stat.P999.quantile(), 0);
    }

    @Test
    void histogramUnitsAreAThousandthOfTheDisplayUnit() {
        assertEquals(1.5, Metric.TTFT.fromRecorded(1500), 0);
        assertEquals(1500, Metric.TTFT.toRecorded(1.5), 0);
        assertEquals(20, Metric.OUTPUT_RATE.fromRecorded(20_000), 0);
        assertEquals("ms", Metric.ITL.unit());
        assertFalse(Metric.QUEUE.higherIsBetter());
    }

    @Test
    void aLatencyLimitNeedsAUnitAndIsReadInMilliseconds() {
        MetricStat p95 = new MetricStat(Stat.P95, Metric.E2E);
        assertEquals(800, p95.parseLimit("800ms"), 1e-9);
        assertEquals(5000, p95.parseLimit("5s"), 1e-9);
        assertEquals(0.25, p95.parseLimit("250us"), 1e-9);
        assertEquals("limit '800' for p95(e2e) needs a unit (e.g. 800ms, 5s)",
                assertThrows(InputException.class, () -> p95.parseLimit("800")).getMessage());
        assertThrows(InputException.class, () -> p95.parseLimit("2.5"));
        assertEquals(20, new MetricStat(Stat.P50, Metric.OUTPUT_RATE).parseLimit("20"), 0,
                "a rate's limit is a plain number");
    }
}
