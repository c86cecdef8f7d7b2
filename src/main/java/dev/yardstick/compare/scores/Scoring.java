package dev.yardstick.compare.scores;

import dev.yardstick.report.SampleRecord;
import dev.yardstick.report.scores.CaseRun;
import dev.yardstick.report.scores.GateCheck;
import dev.yardstick.report.scores.GateSummary;
import dev.yardstick.report.scores.ModelScores;
import dev.yardstick.report.scores.PairComparison;
import dev.yardstick.report.scores.Scores;
import dev.yardstick.stats.Tablesaw;
import dev.yardstick.stats.significance.MannWhitney;
import dev.yardstick.stats.significance.McNemar;
import dev.yardstick.stats.significance.PairedTest;
import dev.yardstick.stats.significance.RankTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Scores a compare run: per model figures with their spread, every pair of the run's models (in the order given,
 * the earlier one as the reference), and with a baseline report each model against its namesake there (or the
 * baseline's only model against the run's only one), judged by the quality gates.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * @param models     the run's model labels, in the order given
     * @param baseline   the baseline report, null when none
     * @param gates      the allowances; with a baseline, judged against it
     * @param confidence the confidence of intervals and significance, e.g. 0.95
     */
    public static Scores score(List<String> models, List<SampleRecord> samples, CompareResults baseline,
                               QualityGates gates, double confidence) {
        Tablesaw.ready();
        Map<String, List<SampleRecord>> runs = new LinkedHashMap<>();
        runs.put("", samples);
        if (baseline != null) {
            runs.put(CaseMatrix.BASELINE_PREFIX, baseline.samples());
        }
        CaseMatrix matrix = CaseMatrix.of(runs);
        List<ModelScores> scores = matrix.scores();
        List<PairComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                if (matrix.arms().contains(models.get(i)) && matrix.arms().contains(models.get(j))) {
                    comparisons.add(compare(matrix, models.get(i), models.get(j), confidence));
                }
            }
        }
        GateSummary gate = null;
        if (baseline != null) {
            List<GateCheck> checks = new ArrayList<>();
            List<String> notCompared = new ArrayList<>();
            List<String> baselineArms = matrix.arms().stream()
                    .filter(a -> a.startsWith(CaseMatrix.BASELINE_PREFIX)).toList();
            List<String> paired = new ArrayList<>();
            for (String model : models) {
                String counterpart = counterpart(model, models, baselineArms);
                if (counterpart == null || !matrix.arms().contains(model)) {
                    notCompared.add(model + " has no counterpart in " + baseline.name());
                    continue;
                }
                paired.add(counterpart);
                PairComparison c = compare(matrix, counterpart, model, confidence);
                comparisons.add(c);
                if (c.passRateTest().cases() == 0) {
                    notCompared.add(model + " ran no case " + baseline.name() + " ran");
                }
                checks.addAll(gates.judge(c));
            }
            baselineArms.stream().filter(a -> !paired.contains(a))
                    .forEach(a -> notCompared.add(a.substring(CaseMatrix.BASELINE_PREFIX.length())
                            + " of " + baseline.name() + " did not run"));
            gate = new GateSummary(baseline.name(), confidence * 100, gates.maxPassRateDropPoints(),
                    gates.maxLatencyRegressionPercent(), gates.maxCostIncreasePercent(), checks, notCompared);
        }
        return new Scores(scores, matrix.caseScores(), comparisons, gate);
    }

    /** The baseline's model of the same name, else the baseline's only model when the run has only one. */
    private static String counterpart(String model, List<String> models, List<String> baselineArms) {
        String same = CaseMatrix.BASELINE_PREFIX + model;
        if (baselineArms.contains(same)) {
            return same;
        }
        return models.size() == 1 && baselineArms.size() == 1 ? baselineArms.getFirst() : null;
    }

    /** {@code reference} against {@code model}: paired pass/fail by case and repetition, latency and cost unpaired. */
    static PairComparison compare(CaseMatrix matrix, String reference, String model, double confidence) {
        Table pass = matrix.passMatrix();
        DoubleColumn before = pass.doubleColumn(reference);
        DoubleColumn after = pass.doubleColumn(model);
        int both = 0;
        int neither = 0;
        List<CaseRun> passToFail = new ArrayList<>();
        List<CaseRun> failToPass = new ArrayList<>();
        for (int row = 0; row < pass.rowCount(); row++) {
            if (before.isMissing(row) || after.isMissing(row)) {
                continue;
            }
            boolean was = before.getDouble(row) == 1;
            boolean is = after.getDouble(row) == 1;
            CaseRun unit = matrix.run(pass.stringColumn("unit").get(row));
            if (was && is) {
                both++;
            } else if (was) {
                passToFail.add(unit);
            } else if (is) {
                failToPass.add(unit);
            } else {
                neither++;
            }
        }
        PairedTest test = McNemar.test(both, passToFail.size(), failToPass.size(), neither, confidence);
        int cases = test.cases();
        double referenceRate = cases == 0 ? Double.NaN : (double) (both + passToFail.size()) / cases;
        double rate = cases == 0 ? Double.NaN : (double) (both + failToPass.size()) / cases;
        double[] baseLatency = matrix.latencies(reference);
        double[] latency = matrix.latencies(model);
        double[] baseCost = matrix.costs(reference);
        double[] cost = matrix.costs(model);
        double baseMedian = median(baseLatency);
        double median = median(latency);
        double baseMeanCost = mean(baseCost);
        double meanCost = mean(cost);
        return new PairComparison(reference, model, referenceRate, rate, test, baseMedian, median,
                change(baseMedian, median), MannWhitney.test(baseLatency, latency), baseMeanCost, meanCost,
                change(baseMeanCost, meanCost), MannWhitney.test(baseCost, cost), passToFail, failToPass);
    }

    private static double median(double[] values) {
        return values.length == 0 ? Double.NaN : StatUtils.percentile(values, 50);
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : StatUtils.mean(values);
    }

    /** (after − before) / before in percent; NaN when either is unknown or the baseline is zero. */
    static double change(double before, double after) {
        return Double.isNaN(before) || Double.isNaN(after) || before == 0 ? Double.NaN
                : (after - before) / before * 100;
    }
}
