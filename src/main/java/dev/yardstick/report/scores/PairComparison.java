package dev.yardstick.report.scores;

import dev.yardstick.stats.significance.PairedTest;
import dev.yardstick.stats.significance.RankTest;
import java.util.List;

/**
 * One model against another (two models of one run, or a model against the same model in a baseline report).
 *
 * @param passRate             McNemar's test on the cases both ran, paired by case and repetition
 * @param latencyChangePercent change of the median E2E of successful requests, (new − baseline) / baseline
 * @param latency              Mann-Whitney U of the successful requests' E2E
 * @param costChangePercent    change of the mean cost of a successful request; NaN when either is not priced
 * @param cost                 Mann-Whitney U of the successful requests' costs
 * @param passToFail           the case runs that passed on the baseline and fail now (stored as their labels:
 *                             {@code id}, or {@code id #2} for the second repetition)
 * @param failToPass           the case runs that failed on the baseline and pass now
 */
public record PairComparison(String baseline, String model, double baselinePassRate, double passRate,
                             PairedTest passRateTest, double baselineMedianMs, double medianMs,
                             double latencyChangePercent, RankTest latency, double baselineCostPerRequestUsd,
                             double costPerRequestUsd, double costChangePercent, RankTest cost,
                             List<CaseRun> passToFail, List<CaseRun> failToPass) {

    public PairComparison {
        passToFail = List.copyOf(passToFail);
        failToPass = List.copyOf(failToPass);
    }
}
