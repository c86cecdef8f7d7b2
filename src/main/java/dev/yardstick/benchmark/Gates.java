package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.BenchmarkReport.GateResult;
import dev.yardstick.stats.FigureDiff;
import dev.yardstick.stats.Judgement;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RegressionRule;
import dev.yardstick.stats.StatsDiff;
import dev.yardstick.stats.Threshold;
import dev.yardstick.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a run's gates: every {@code --fail-if} threshold against every step and model, and, with a baseline, the
 * regression gate: the p50, p95 and p99 of every latency and the throughputs must not be significantly worse than
 * the baseline's by more than {@code --max-regression} ({@link FigureDiff#judge}). A step or model the baseline
 * lacks fails the gate as not comparable: a gate that judged nothing never passes.
 */
final class Gates {

    private static final String NOT_COMPARABLE = "not comparable: ";

    private Gates() {
    }

    /** A baseline report to judge regressions against. */
    record Baseline(BenchmarkReport report, String name, RegressionRule rule) {
        String gate() {
            return "max-regression " + Percentages.format(rule.maxRegressionPercent()) + " vs " + name;
        }
    }

    /**
     * Refuses, before anything runs, a baseline that shares no step and model with the plan: every regression check
     * would be "not comparable".
     */
    static void requireComparable(BenchmarkPlan plan, BenchmarkReport baseline, String name) {
        List<String> loads = plan.steps().stream().map(LoadStep::label).toList();
        if (!Counterparts.anyInCommon(baseline, loads, plan.labels())) {
            throw new InputException("the baseline " + name + " has no step and model in common with this plan ("
                    + name + ": " + Counterparts.describe(baseline) + "; plan: " + String.join(", ", loads) + " ("
                    + String.join(", ", plan.labels()) + ")): nothing to compare");
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
        RegressionRule rule = baseline.rule();
        Optional<BenchmarkReport.Step> baseStep = Counterparts.step(baseline.report(), step.load());
        Optional<ModelStats> base = baseStep.flatMap(b -> Counterparts.model(b, step, stats));
        if (base.isEmpty()) {
            return List.of(new GateResult(gate, step.load(), stats.model(), true, NOT_COMPARABLE + "the baseline has no "
                    + (baseStep.isEmpty() ? "step " + step.load() : "result for " + stats.model() + " at "
                    + step.load())));
        }
        StatsDiff diff = StatsDiff.between(base.get(), stats, rule.confidence());
        List<GateResult> failed = new ArrayList<>();
        Map<String, List<String>> byVerdict = new TreeMap<>();
        for (FigureDiff f : diff.figures()) {
            Judgement verdict = f.judge(rule);
            if (verdict == Judgement.REGRESSED) {
                failed.add(new GateResult(gate, step.load(), stats.model(), true, f.change().describe()
                        + ", worse than the " + Percentages.format(rule.maxRegressionPercent()) + " allowed, significant at "
                        + RegressionRule.confidenceText(rule.confidence())));
            } else if (verdict != Judgement.NOT_GATED) {
                byVerdict.computeIfAbsent(verdict.label(), k -> new ArrayList<>()).add(f.quantity().label());
            }
        }
        if (!failed.isEmpty()) {
            return failed;
        }
        return List.of(new GateResult(gate, step.load(), stats.model(), false, "no p50/p95/p99 latency or"
                + " throughput significantly worse (" + RegressionRule.confidenceText(rule.confidence()) + ") than "
                + base.get().model() + "'s by more than " + Percentages.format(rule.maxRegressionPercent()) + " ("
                + String.join("; ", byVerdict.entrySet().stream().map(e -> e.getKey() + ": "
                + (e.getKey().equals(Judgement.TOO_FEW_SAMPLES.label()) || e.getKey().equals(Judgement.UNDEFINED
                .label()) ? String.join(", ", e.getValue()) : Integer.toString(e.getValue().size()))).toList())
                + ")"));
    }
}
