package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intervals, changes and the way figures are written and read back: the arithmetic every gate and diff rests on. */
class FigureArithmeticTest {

    private static final Quantity P50_E2E = new MetricStat(Stat.P50, Metric.E2E);

    @Test
    void intervalsThatTouchShareAValueAndAreNeitherApartNorAbove() {
        Interval low = new Interval(1, 2);
        Interval touching = new Interval(2, 3);
        Interval higher = new Interval(2.5, 4);

        assertFalse(low.apartFrom(touching), "2 lies in both");
        assertFalse(touching.apartFrom(low));
        assertFalse(touching.above(low), "its low end is not above the other's high end");
        assertTrue(higher.above(low));
        assertTrue(higher.apartFrom(low));
        assertTrue(low.apartFrom(higher), "apart either way round");
        assertFalse(low.above(higher));
        assertFalse(Interval.UNDEFINED.apartFrom(low), "NaN is never apart");
        assertFalse(Interval.UNDEFINED.above(low));
    }

    @Test
    void anIntervalContainsItsEndsAndKnowsItsWidth() {
        Interval i = new Interval(1.5, 4);
        assertTrue(i.contains(1.5));
        assertTrue(i.contains(4));
        assertFalse(i.contains(1.49));
        assertFalse(i.contains(4.01));
        assertEquals(2.5, i.width(), 1e-12);
        assertTrue(i.bounded());
        assertFalse(new Interval(Double.NaN, 4).bounded(), "low end unknown");
        assertFalse(new Interval(1, Double.NaN).bounded(), "high end unknown");
    }

    @Test
    void aChangeFromZeroIsInfiniteInItsDirectionAndNoneIsNoChange() {
        assertEquals(Double.POSITIVE_INFINITY, new Change(P50_E2E, 0, 3).relativePercent());
        assertEquals(Double.NEGATIVE_INFINITY, new Change(P50_E2E, 0, -3).relativePercent());
        assertEquals(0, new Change(P50_E2E, 0, 0).relativePercent());
        assertTrue(Double.isNaN(new Change(P50_E2E, Double.NaN, 1).relativePercent()));
        assertTrue(Double.isNaN(new Change(P50_E2E, 1, Double.NaN).relativePercent()));
        assertFalse(new Change(P50_E2E, Double.NaN, 1).worseBeyond(0), "an undefined figure is never worse");
    }

    @Test
    void aNegativeBaselineIsMeasuredByItsSize() {
        // -10 → -5 is a rise of half the baseline's size, not a fall
        assertEquals(50, new Change(P50_E2E, -10, -5).relativePercent(), 1e-12);
        assertEquals(-3, new Change(P50_E2E, 10, 7).absolute(), 1e-12);
    }

    @Test
    void aRateThatFallsIsWorseAndALatencyThatFallsIsBetter() {
        Change throughputDown = new Change(Rate.THROUGHPUT, 10, 8);
        assertEquals(-20, throughputDown.relativePercent(), 1e-12);
        assertEquals(20, throughputDown.worsePercent(), 1e-12);
        Change latencyDown = new Change(P50_E2E, 10, 8);
        assertEquals(-20, latencyDown.worsePercent(), 1e-12);
        assertFalse(latencyDown.worseBeyond(0));
        assertTrue(new Change(P50_E2E, 10, 12).worseBeyond(19.99));
        assertFalse(new Change(P50_E2E, 10, 12).worseBeyond(20), "exactly the allowance is allowed");
    }

    @Test
    void aChangeDescribesBothValuesAndTheSignedShare() {
        assertEquals("throughput: 10 req/s → 8 req/s (-20%)", new Change(Rate.THROUGHPUT, 10, 8).describe());
        assertEquals("p50(e2e): 5 ms → 5 ms (0%)", new Change(P50_E2E, 5, 5).describe());
        assertEquals("error_rate: 0% → 1.5% (+∞%)", new Change(Rate.ERROR_RATE, 0, 1.5).describe());
    }

    @Test
    void numbersHaveNoFalsePrecision() {
        assertEquals("n/a", Numbers.format(Double.NaN));
        assertEquals("∞", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("-∞", Numbers.format(Double.NEGATIVE_INFINITY));
        assertEquals("100", Numbers.format(99.96), "rounds to three digits, then whole from 100");
        assertEquals("100", Numbers.format(100.4));
        assertEquals("101", Numbers.format(100.5));
        assertEquals("-250", Numbers.format(-249.6));
        assertEquals("99.9", Numbers.format(99.94));
        assertEquals("0", Numbers.format(0));
        assertEquals("0", Numbers.format(-0.0));
        assertEquals("0.00123", Numbers.format(0.0012345));
        assertEquals("1.13", Numbers.format(1.125), "half up (1.125 is exact in binary)");
        assertEquals("-3.2", Numbers.format(-3.2));
        assertEquals("2", Numbers.format(2.0), "no trailing zeros");
    }

    @Test
    void aSignedPercentShowsThePlusOfARise() {
        assertEquals("+14%", Numbers.signedPercent(14));
        assertEquals("-3.2%", Numbers.signedPercent(-3.2));
        assertEquals("0%", Numbers.signedPercent(0));
        assertEquals("n/a%", Numbers.signedPercent(Double.NaN));
    }

    @Test
    void aLimitMayCarryItsUnitInAnyCase() {
        assertEquals(10, Numbers.parse("10 req/s", "req/s", "throughput"), 0);
        assertEquals(12.5, Numbers.parse(" 12.5REQ/S ", "req/s", "throughput"), 0);
        assertEquals(7, Numbers.parse("7", "req/s", "throughput"), 0);
        InputException e = assertThrows(InputException.class, () -> Numbers.parse("ten", "req/s", "throughput"));
        assertEquals("malformed limit 'ten' for throughput (expected a number of req/s)", e.getMessage());
    }
}
