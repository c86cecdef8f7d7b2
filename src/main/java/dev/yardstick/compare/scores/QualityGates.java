package dev.yardstick.compare.scores;

import dev.yardstick.report.scores.GateCheck;
import dev.yardstick.report.scores.PairComparison;
import dev.yardstick.stats.Judgement;
import dev.yardstick.stats.significance.RankTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The allowances of {@code compare --baseline}: each is null when not gated. A gate fails only when the figure got
 * worse by more than its allowance and the change is significant at the confidence (its test's p-value below
 * 1 − confidence, the effect pointing the worse way); worse but not significant is {@code within-noise}.
 *
 * @param maxPassRateDropPoints     pass rate may drop by this many percentage points (McNemar on paired cases)
 * @param maxLatencyRegressionPercent the median E2E may grow by this many percent (Mann-Whitney U)
 * @param maxCostIncreasePercent    the mean cost of a request may grow by this many percent (Mann-Whitney U)
 */
public record QualityGates(Double maxPassRateDropPoints, Double maxLatencyRegressionPercent,
                           Double maxCostIncreasePercent, double confidence) {

    public boolean any() {
        return maxPassRateDropPoints != null || maxLatencyRegressionPercent != null || maxCostIncreasePercent != null;
    }

    public List<GateCheck> judge(PairComparison c) {
        List<GateCheck> checks = new ArrayList<>();
        if (maxPassRateDropPoints != null) {
            double drop = -c.passRateTest().passRateDifference() * 100;
            boolean significant = c.passRateTest().significantAt(confidence);
            checks.add(check("pass-rate", c, c.baselinePassRate() * 100, c.passRate() * 100, drop, "points",
                    maxPassRateDropPoints, c.passRateTest().pValue(),
                    "McNemar, " + c.passRateTest().method().label(), significant));
        }
        if (maxLatencyRegressionPercent != null) {
            checks.add(check("latency", c, c.baselineMedianMs(), c.medianMs(), c.latencyChangePercent(), "%",
                    maxLatencyRegressionPercent, c.latency().pValue(), rankTestName(c.latency()),
                    c.latency().significantAt(confidence)));
        }
        if (maxCostIncreasePercent != null) {
            checks.add(check("cost", c, c.baselineCostPerRequestUsd(), c.costPerRequestUsd(), c.costChangePercent(),
                    "%", maxCostIncreasePercent, c.cost().pValue(), rankTestName(c.cost()),
                    c.cost().significantAt(confidence)));
        }
        return checks;
    }

    private static String rankTestName(RankTest test) {
        return "Mann-Whitney U, " + test.method().label();
    }

    private static GateCheck check(String gate, PairComparison c, double before, double after, double change,
                                   String unit, double allowance, double p, String test, boolean significant) {
        Judgement verdict = judge(change, allowance, significant);
        return new GateCheck(gate, c.model(), c.baseline(), before, after, change, unit, allowance, p, test,
                verdict.label(), verdict == Judgement.REGRESSED);
    }

    /** {@code change} is positive when worse; a two-sided test's significance counts for the way it moved. */
    static Judgement judge(double change, double allowance, boolean significant) {
        if (Double.isNaN(change)) {
            return Judgement.UNDEFINED;
        }
        if (Math.abs(change) <= allowance) {
            return Judgement.WITHIN_ALLOWANCE;
        }
        if (!significant) {
            return Judgement.WITHIN_NOISE;
        }
        return change > 0 ? Judgement.REGRESSED : Judgement.IMPROVED;
    }
}
