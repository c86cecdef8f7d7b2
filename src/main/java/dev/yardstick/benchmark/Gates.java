package dev.yardstick.benchmark;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.BenchmarkReport.GateResult;
import dev.yardstick.stats.Change;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.StatsDiff;
import dev.yardstick.stats.Threshold;
import dev.yardstick.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a run's gates: every {@code --fail-if} threshold against every step and model, and, with a baseline, the
 * regression gate: the p50, p95 and p99 of every latency and the throughputs must not be worse than the baseline's
 * by more than {@code --max-regression}.
 */
final class Gates {

    private Gates() {
    }

    /** A baseline report to judge regressions against. */
    record Baseline(BenchmarkReport report, String name, double maxRegressionPercent) {
        String gate() {
            return "max-regression " + percent(maxRegressionPercent) + " vs " + name;
        }
    }

    /** @param baseline null for no regression gate */
    static List<GateResult> judge(List<Threshold> thresholds, List<BenchmarkReport.Step> steps, Baseline baseline) {
        List<GateResult> results = new ArrayList<>();
        for (BenchmarkReport.Step step : steps) {
            for (ModelStats stats : step.models()) {
                for (Threshold threshold : thresholds) {
                    Verdict v = threshold.evaluate(stats);
                    results.add(new GateResult(threshold.text(), step.load(), stats.model(), v.failed(), v.message()));
                }
                if (baseline != null) {
                    results.addAll(regressions(baseline, step, stats));
                }
            }
        }
        return results;
    }

    private static List<GateResult> regressions(Baseline baseline, BenchmarkReport.Step step, ModelStats stats) {
        String gate = baseline.gate();
        Optional<BenchmarkReport.Step> baseStep = Counterparts.step(baseline.report(), step.load());
        Optional<ModelStats> base = baseStep.flatMap(b -> Counterparts.model(b, step, stats));
        if (base.isEmpty()) {
            return List.of(new GateResult(gate, step.load(), stats.model(), false,
                    "not compared: the baseline has no " + (baseStep.isEmpty() ? "step " + step.load()
                    : "result for " + stats.model() + " at " + step.load())));
        }
        List<Change> worse = StatsDiff.between(base.get(), stats).regressions(baseline.maxRegressionPercent());
        if (worse.isEmpty()) {
            return List.of(new GateResult(gate, step.load(), stats.model(), false, "no p50/p95/p99 latency or"
                    + " throughput worse than " + base.get().model() + "'s by more than "
                    + percent(baseline.maxRegressionPercent())));
        }
        List<GateResult> failed = new ArrayList<>();
        for (Change c : worse) {
            failed.add(new GateResult(gate, step.load(), stats.model(), true, c.describe() + ", worse than the "
                    + percent(baseline.maxRegressionPercent()) + " allowed"));
        }
        return failed;
    }

    static String percent(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞%" : "-∞%";
        }
        return (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value)) + "%";
    }
}
