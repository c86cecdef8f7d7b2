package dev.yardstick.report.scores;

import java.util.List;

/**
 * The quality gates of {@code compare --baseline}: what they allowed, and how each model fared.
 *
 * @param baseline              the baseline report's file name
 * @param confidencePercent     a change counts only when its test's p-value is below 1 − confidence
 * @param maxPassRateDropPoints allowed drop of pass rate in percentage points, null when not gated
 * @param notCompared           models found on one side only, or with no case in common: with an allowance, each
 *                              fails the gate
 */
public record GateSummary(String baseline, double confidencePercent, Double maxPassRateDropPoints,
                          Double maxLatencyRegressionPercent, Double maxCostIncreasePercent, List<GateCheck> checks,
                          List<String> notCompared) {

    public GateSummary {
        checks = List.copyOf(checks);
        notCompared = List.copyOf(notCompared);
    }

    /** True when a gate regressed, or when an allowance was given and a model could not be compared. */
    public boolean failed() {
        return checks.stream().anyMatch(GateCheck::failed) || (gated() && !notCompared.isEmpty());
    }

    public boolean gated() {
        return maxPassRateDropPoints != null || maxLatencyRegressionPercent != null || maxCostIncreasePercent != null;
    }
}
