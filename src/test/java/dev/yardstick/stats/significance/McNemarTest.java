package dev.yardstick.stats.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class McNemarTest {

    /**
     * Agresti, Categorical Data Analysis (2nd ed.), §10.1: presidential approval of 1600 people in two surveys, 794
     * approve twice, 150 approve → disapprove, 86 disapprove → approve, 570 disapprove twice. The difference of
     * proportions is −0.04 with a 95% interval of (−0.06, −0.02); the corrected chi-square is 63²/236 = 16.82
     * (R: {@code mcnemar.test(matrix(c(794, 86, 150, 570), 2))}, p = 4.11e-05).
     */
    @Test
    void presidentialApprovalOfAgrestiUsesTheCorrectedChiSquare() {
        PairedTest t = McNemar.test(794, 150, 86, 570, 0.95);
        assertEquals(TestMethod.CHI_SQUARE_CORRECTED, t.method());
        assertEquals(16.8178, t.statistic(), 1e-4);
        assertEquals(4.1146e-5, t.pValue(), 1e-8);
        assertEquals(-0.04, t.passRateDifference(), 1e-12);
        assertEquals(-0.0587, t.differenceCi().low(), 1e-4);
        assertEquals(-0.0213, t.differenceCi().high(), 1e-4);
        assertEquals(86 / 150.0, t.discordantOddsRatio(), 1e-12);
        assertTrue(t.significantAt(0.95));
    }

    /** 1 case of 10 discordant ones went one way: 2·P(X ≤ 1 | 10, ½) = 2·11/1024. */
    @Test
    void fewDiscordantCasesUseTheExactBinomial() {
        PairedTest t = McNemar.test(5, 1, 9, 5, 0.95);
        assertEquals(TestMethod.EXACT_BINOMIAL, t.method());
        assertEquals(22 / 1024.0, t.pValue(), 1e-15);
        assertEquals(8 / 20.0, t.passRateDifference(), 1e-12);
        assertTrue(t.significantAt(0.95));
        assertFalse(t.significantAt(0.99));
    }

    /** 24 discordant cases, the last below the switch: scipy's binomtest(3, 24) gives 2.7716e-4. */
    @Test
    void theExactTestRunsUpToTwentyFourDiscordantCases() {
        PairedTest t = McNemar.test(0, 21, 3, 0, 0.95);
        assertEquals(TestMethod.EXACT_BINOMIAL, t.method());
        assertEquals(2.7716e-4, t.pValue(), 1e-8);
    }

    /** Three of three flipped: 2·(½)³ = 0.25, nowhere near significant however large the drop. */
    @Test
    void threeFlipsOfThreeAreNotSignificant() {
        PairedTest t = McNemar.test(0, 3, 0, 0, 0.95);
        assertEquals(0.25, t.pValue(), 1e-15);
        assertEquals(-1, t.passRateDifference(), 1e-12);
        assertFalse(t.significantAt(0.95));
        assertEquals(0, t.discordantOddsRatio(), 0);
    }

    @Test
    void noDiscordantCaseMeansNoEvidence() {
        PairedTest t = McNemar.test(4, 0, 0, 2, 0.95);
        assertEquals(1, t.pValue(), 0);
        assertEquals(0, t.passRateDifference(), 0);
        assertEquals(0, t.differenceCi().low(), 0);
        assertEquals(0, t.differenceCi().high(), 0);
    }

    @Test
    void noCasesGiveAnUndefinedDifference() {
        PairedTest t = McNemar.test(0, 0, 0, 0, 0.95);
        assertTrue(Double.isNaN(t.passRateDifference()));
        assertFalse(t.differenceCi().bounded());
    }
}
