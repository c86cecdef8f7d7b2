package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the regression gate judges one figure, branch by branch, at the edges of each rule. */
class FigureJudgementTest {

    private static final Quantity P95_TTFT = new MetricStat(Stat.P95, Metric.TTFT);
    private static final RegressionRule TEN_PERCENT = new RegressionRule(10, 0.95, false);
    private static final RegressionRule TEN_PERCENT_UNSUPPORTED_TOO = new RegressionRule(10, 0.95, true);

    private static FigureDiff latency(double baseline, double current, Interval baselineCi, Interval currentCi) {
        return new FigureDiff(new Change(P95_TTFT, baseline, current), baselineCi, currentCi, true);
    }

    private static FigureDiff throughput(double baseline, double current, Interval baselineCi, Interval currentCi) {
        return new FigureDiff(new Change(Rate.THROUGHPUT, baseline, current), baselineCi, currentCi, true);
    }

    @Test
    void aFigureTheGateDoesNotJudgeIsNotGatedHoweverItMoved() {
        FigureDiff p90 = new FigureDiff(new Change(P95_TTFT, 100, 500), new Interval(90, 110),
                new Interval(450, 550), false);
        assertEquals(Judgement.NOT_GATED, p90.judge(TEN_PERCENT));
    }

    @Test
    void aFigureWithoutAValueIsUndefined() {
        assertEquals(Judgement.UNDEFINED, latency(Double.NaN, 100, Interval.UNDEFINED, new Interval(90, 110))
                .judge(TEN_PERCENT_UNSUPPORTED_TOO));
    }

    @Test
    void anUnboundedIntervalIsTooFewSamplesUnlessTheRuleGatesItOnTheChangeAlone() {
        FigureDiff slower = latency(100, 150, new Interval(90, Double.NaN), new Interval(140, 160));
        assertEquals(Judgement.TOO_FEW_SAMPLES, slower.judge(TEN_PERCENT));
        assertEquals(Judgement.REGRESSED, slower.judge(TEN_PERCENT_UNSUPPORTED_TOO));
        FigureDiff currentUnbounded = latency(100, 150, new Interval(90, 110), new Interval(Double.NaN, 160));
        assertEquals(Judgement.TOO_FEW_SAMPLES, currentUnbounded.judge(TEN_PERCENT));
        FigureDiff faster = latency(150, 100, new Interval(140, Double.NaN), new Interval(90, 110));
        assertEquals(Judgement.IMPROVED, faster.judge(TEN_PERCENT_UNSUPPORTED_TOO));
        assertFalse(slower.significant(), "an unbounded interval is never significant");
    }

    @Test
    void exactlyTheAllowanceIsWithinIt() {
        Interval baseline = new Interval(99, 101);
        assertEquals(Judgement.WITHIN_ALLOWANCE, latency(100, 110, baseline, new Interval(109, 111))
                .judge(TEN_PERCENT));
        assertEquals(Judgement.REGRESSED, latency(100, 110.5, baseline, new Interval(109, 111)).judge(TEN_PERCENT));
        assertEquals(Judgement.WITHIN_ALLOWANCE, latency(100, 90, baseline, new Interval(89, 91)).judge(TEN_PERCENT),
                "a ten percent gain is within the allowance too");
        assertEquals(Judgement.IMPROVED, latency(100, 89, baseline, new Interval(88, 90)).judge(TEN_PERCENT));
    }

    @Test
    void aLatencyMustAlsoMoveATenthOfAMillisecondWhileARateNeedsNoFloor() {
        Interval baseline = new Interval(0.39, 0.41);
        assertEquals(Judgement.WITHIN_ALLOWANCE, latency(0.4, 0.49, baseline, new Interval(0.48, 0.5))
                .judge(TEN_PERCENT), "+0.09 ms is noise of the client's machine");
        assertEquals(Judgement.REGRESSED, latency(0.25, 0.375, new Interval(0.24, 0.26), new Interval(0.37, 0.38))
                .judge(TEN_PERCENT), "+0.125 ms counts");
        assertEquals(Judgement.REGRESSED, latency(0.1, 0.2, new Interval(0.09, 0.11), new Interval(0.19, 0.21))
                .judge(TEN_PERCENT), "exactly a tenth of a millisecond counts");
        assertEquals(Judgement.REGRESSED, throughput(0.4, 0.31, new Interval(0.39, 0.41), new Interval(0.3, 0.32))
                .judge(TEN_PERCENT), "a rate has no floor");
        assertEquals(Judgement.IMPROVED, latency(0.5, 0.375, new Interval(0.49, 0.51), new Interval(0.37, 0.38))
                .judge(TEN_PERCENT), "-0.125 ms counts as well");
    }

    @Test
    void overlappingIntervalsAreNoiseInEitherDirection() {
        assertEquals(Judgement.WITHIN_NOISE, latency(100, 150, new Interval(90, 140), new Interval(140, 160))
                .judge(TEN_PERCENT), "sharing the value 140");
        assertEquals(Judgement.WITHIN_NOISE, latency(150, 100, new Interval(100, 160), new Interval(90, 100))
                .judge(TEN_PERCENT));
        assertEquals(Judgement.WITHIN_NOISE, throughput(10, 5, new Interval(4, 11), new Interval(4.5, 5.5))
                .judge(TEN_PERCENT));
    }

    @Test
    void aRateThatFallsWhollyBelowItsBaselineRegressesAndOneThatRisesImproves() {
        assertEquals(Judgement.REGRESSED, throughput(10, 5, new Interval(9, 11), new Interval(4, 6))
                .judge(TEN_PERCENT));
        assertEquals(Judgement.IMPROVED, throughput(5, 10, new Interval(4, 6), new Interval(9, 11))
                .judge(TEN_PERCENT));
    }

    @Test
    void intervalsApartInTheOtherDirectionThanTheChangeAreNoise() {
        // current value above baseline, but the intervals say the opposite: not a significant rise
        assertEquals(Judgement.WITHIN_NOISE, latency(100, 150, new Interval(160, 170), new Interval(80, 90))
                .judge(TEN_PERCENT));
        assertEquals(Judgement.WITHIN_NOISE, latency(150, 100, new Interval(80, 90), new Interval(160, 170))
                .judge(TEN_PERCENT));
    }

    @Test
    void significanceIsTwoBoundedIntervalsThatShareNoValue() {
        assertTrue(latency(100, 150, new Interval(90, 110), new Interval(140, 160)).significant());
        assertFalse(latency(100, 150, new Interval(90, 140), new Interval(140, 160)).significant());
        assertFalse(latency(100, 150, new Interval(90, 110), new Interval(140, Double.NaN)).significant());
    }

    @Test
    void theConfidenceMustLieBetweenAHalfAndCertainty() {
        assertEquals(0.5, new RegressionRule(10, 0.5, false).confidence());
        assertThrows(InputException.class, () -> new RegressionRule(10, 0.4999, false));
        InputException e = assertThrows(InputException.class, () -> new RegressionRule(10, 1, false));
        assertEquals("confidence 100% is outside 50%..99.99%", e.getMessage());
    }

    @Test
    void aConfidenceIsWrittenAsAPercentWithoutTrailingZeros() {
        assertEquals("95%", RegressionRule.confidenceText(0.95));
        assertEquals("99.5%", RegressionRule.confidenceText(0.995));
        assertEquals("50%", RegressionRule.confidenceText(0.5));
    }

    @Test
    void aConfidenceIsReadAsAPercentOrAFraction() {
        assertEquals(0.95, RegressionRule.parseConfidence(null));
        assertEquals(0.95, RegressionRule.parseConfidence("  "));
        assertEquals(0.9, RegressionRule.parseConfidence("90%"), 1e-12);
        assertEquals(0.995, RegressionRule.parseConfidence(" 99.5 % "), 1e-12);
        assertEquals(0.8, RegressionRule.parseConfidence("0.8"), 1e-12);
        assertEquals(0.5, RegressionRule.parseConfidence("50%"), 1e-12);
        assertEquals(0.9999, RegressionRule.parseConfidence("0.9999"), 1e-12);
        assertEquals("confidence '99.995%' is outside 50%..99.99%",
                assertThrows(InputException.class, () -> RegressionRule.parseConfidence("99.995%")).getMessage());
        assertThrows(InputException.class, () -> RegressionRule.parseConfidence("0.49"));
        assertThrows(InputException.class, () -> RegressionRule.parseConfidence("95"), "95 is not a fraction");
        assertEquals("malformed confidence 'high' (expected e.g. 95%)",
                assertThrows(InputException.class, () -> RegressionRule.parseConfidence("high")).getMessage());
    }
}
