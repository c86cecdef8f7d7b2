package dev.yardstick.cli;

import dev.yardstick.compare.scores.QualityGates;
import picocli.CommandLine.Option;

/**
 * The quality gates of compare reports: the allowances {@code compare --baseline} and {@code report diff} of two
 * compare reports judge by. Each fails only when the change is beyond it and significant.
 */
public final class QualityOptions {

    @Option(names = "--max-pass-rate-drop", paramLabel = "POINTS%", converter = SettingConverters.ToPercent.class,
            description = "Exit 1 when a model's pass rate dropped by more than this many percentage points, e.g."
                    + " 5%%, and McNemar's test finds the drop significant.")
    Double maxPassRateDrop;

    @Option(names = "--max-latency-regression", paramLabel = "PERCENT", converter = SettingConverters.ToPercent.class,
            description = "Exit 1 when a model's median E2E grew by more than this, e.g. 20%%, and the Mann-Whitney U"
                    + " test finds the change significant.")
    Double maxLatencyRegression;

    @Option(names = "--max-cost-increase", paramLabel = "PERCENT", converter = SettingConverters.ToPercent.class,
            description = "Exit 1 when a model's mean cost per request grew by more than this, and significantly"
                    + " (Mann-Whitney U).")
    Double maxCostIncrease;

    QualityGates gates(double confidence) {
        return new QualityGates(maxPassRateDrop, maxLatencyRegression, maxCostIncrease, confidence);
    }
}
