package dev.yardstick.stats.significance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    /**
     * Hollander &amp; Wolfe (1973), p. 69, the example of R's {@code wilcox.test}: permeability of membranes at 12–26
     * weeks (x) against 38 weeks (y). R gives W = 35 and the exact one-sided p = 0.1272, so two-sided 0.2544.
     */
    @Test
    void hollanderWolfeExampleMatchesR() {
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};
        RankTest t = MannWhitney.test(y, x);
        assertEquals(TestMethod.EXACT, t.method());
        assertEquals(35, t.u(), 0);
        assertEquals(0.2544122544, t.pValue(), 1e-9);
        assertEquals(0.7, t.commonLanguage(), 1e-12);
        assertEquals(0.4, t.rankBiserial(), 1e-12);
    }

    /**
     * Ties force the normal approximation. Reference: scipy.stats.mannwhitneyu(a, b, method='asymptotic',
     * use_continuity=True), the same formula as R's wilcox.test(a, b, exact = FALSE): U = 29.5, p = 0.025746.
     */
    @Test
    void tiedSamplesUseTheTieCorrectedNormalApproximation() {
        double[] a = {1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8};
        double[] b = {3, 4, 4, 5, 6, 6, 7, 8, 9, 9, 10};
        RankTest t = MannWhitney.test(b, a);
        assertEquals(TestMethod.NORMAL, t.method());
        assertEquals(29.5, t.u(), 1e-12);
        assertEquals(0.0257463567, t.pValue(), 1e-9);
        assertTrue(t.rankBiserial() < 0, "the candidate's values run smaller");
    }

    /** 60 against 60 (above the exact limit): scipy gives U = 990, p = 2.1494e-05. */
    @Test
    void largeSamplesUseTheNormalApproximation() {
        double[] x = IntStream.range(0, 60).asDoubleStream().toArray();
        double[] y = Arrays.stream(x).map(v -> v + 15.5).toArray();
        RankTest t = MannWhitney.test(y, x);
        assertEquals(TestMethod.NORMAL, t.method());
        assertEquals(990, t.u(), 0);
        assertEquals(2.149444765e-5, t.pValue(), 1e-12);
    }

    /** U of 2 against 2 takes 0..4 in 1, 1, 2, 1, 1 of the C(4, 2) = 6 orderings. */
    @Test
    void exactDistributionCountsTheOrderings() {
        assertArrayEquals(new double[] {1, 1, 2, 1, 1}, MannWhitney.distribution(2, 2), 0);
        assertEquals(252, Arrays.stream(MannWhitney.distribution(5, 5)).sum(), 0);
        assertEquals(2 / 6.0, MannWhitney.exactTwoSided(0, 2, 2), 1e-15);
    }

    @Test
    void completelySeparatedSamplesGiveTheExtremeEffect() {
        RankTest t = MannWhitney.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertEquals(1, t.rankBiserial(), 0);
        assertEquals(2 / 252.0, t.pValue(), 1e-15);
    }

    @Test
    void anEmptySampleIsNotTested() {
        RankTest t = MannWhitney.test(new double[0], new double[] {1});
        assertEquals(TestMethod.NONE, t.method());
        assertTrue(Double.isNaN(t.pValue()));
    }

    @Test
    void identicalSamplesAreNoEvidence() {
        RankTest t = MannWhitney.test(new double[] {5, 5, 5}, new double[] {5, 5, 5});
        assertEquals(1, t.pValue(), 0);
        assertEquals(0, t.rankBiserial(), 0);
    }
}
