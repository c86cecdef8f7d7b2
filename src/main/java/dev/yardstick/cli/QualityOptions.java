package dev.yardstick.cli;

import dev.yardstick.benchmark.Percentages;
import dev.yardstick.compare.scores.CompareBaseline;
import dev.yardstick.compare.scores.QualityGates;
import dev.yardstick.config.InputException;
import dev.yardstick.stats.RegressionRule;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The quality gates of {@code compare} against a previous compare report, and the confidence they judge at. */
public final class QualityOptions {

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous compare report (JSON) to compare each model with its namesake in.")
    Path baseline;

    @Option(names = "--max-pass-rate-drop", paramLabel = "POINTS%",
            description = "With --baseline: exit 1 when a model's pass rate dropped by more than this many"
                    + " percentage points, e.g. 5%%, and McNemar's test finds the drop significant.")
    String maxPassRateDrop;

    @Option(names = "--max-latency-regression", paramLabel = "PERCENT",
            description = "With --baseline: exit 1 when a model's median E2E grew by more than this, e.g. 20%%, and"
                    + " the Mann-Whitney U test finds the change significant.")
    String maxLatencyRegression;

    @Option(names = "--max-cost-increase", paramLabel = "PERCENT",
            description = "With --baseline: exit 1 when a model's mean cost per request grew by more than this, and"
                    + " significantly (Mann-Whitney U).")
    String maxCostIncrease;

    @Option(names = "--confidence", paramLabel = "PERCENT",
            description = "A difference is significant when its p-value is below 1 − this (default 95%%).")
    String confidence;

    /** The gates, checked before anything runs. */
    QualityGates gates() {
        QualityGates gates = new QualityGates(percent("--max-pass-rate-drop", maxPassRateDrop),
                percent("--max-latency-regression", maxLatencyRegression),
                percent("--max-cost-increase", maxCostIncrease), RegressionRule.parseConfidence(confidence));
        if (gates.any() && baseline == null) {
            throw new InputException("--max-pass-rate-drop, --max-latency-regression and --max-cost-increase need"
                    + " --baseline FILE (a previous compare report)");
        }
        return gates;
    }

    private static Double percent(String option, String text) {
        try {
            return Percentages.parse(text);
        } catch (InputException e) {
            throw new InputException(option + ": " + e.getMessage());
        }
    }

    /** The baseline report, read before anything runs; null when none was given. */
    CompareBaseline baseline() {
        return baseline == null ? null : CompareBaseline.read(baseline);
    }
}
