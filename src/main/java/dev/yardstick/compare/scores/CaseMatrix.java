package dev.yardstick.compare.scores;

import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import dev.yardstick.eval.CheckResult;
import dev.yardstick.report.SampleRecord;
import dev.yardstick.report.scores.CaseRun;
import dev.yardstick.report.scores.CaseScores;
import dev.yardstick.report.scores.ModelScores;
import dev.yardstick.report.scores.Spread;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every case × repetition × model result of one or more runs as one table (tablesaw), and the figures taken from
 * it: per model aggregates and their spread over repetitions, the case × model pass matrix, a model's latencies and
 * costs. A model is named by its "arm": its label, prefixed {@code baseline: } for a baseline report's models.
 */
public final class CaseMatrix {

    static final String BASELINE_PREFIX = "baseline: ";

    private final Table table;
    private final List<String> arms;
    /** Each pass-matrix row's key, to the case and repetition it was made from. */
    private final Map<String, CaseRun> runs;

    private CaseMatrix(Table table, List<String> arms, Map<String, CaseRun> runs) {
        this.table = table;
        this.arms = List.copyOf(arms);
        boolean repeated = repetitions() > 1;
        this.runs = new LinkedHashMap<>();
        runs.forEach((unit, run) -> this.runs.put(unit, new CaseRun(run.caseId(), run.repetition(), repeated)));
    }

    /**
     * @param runs the samples of each run, by the prefix its models are named with ({@code ""} for the current run)
     */
    public static CaseMatrix of(Map<String, List<SampleRecord>> runs) {
        StringColumn arm = StringColumn.create("arm");
        StringColumn caseId = StringColumn.create("case");
        StringColumn unit = StringColumn.create("unit");
        IntColumn repetition = IntColumn.create("repetition");
        DoubleColumn passed = DoubleColumn.create("passed");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn e2e = DoubleColumn.create("e2e_ms");
        DoubleColumn cost = DoubleColumn.create("cost_usd");
        Map<String, Boolean> seen = new LinkedHashMap<>();
        Map<String, CaseRun> units = new LinkedHashMap<>();
        runs.forEach((prefix, samples) -> {
            for (SampleRecord s : samples) {
                String name = prefix + s.model();
                seen.put(name, true);
                arm.append(name);
                caseId.append(s.promptId());
                CaseRun run = new CaseRun(s.promptId(), s.repetition(), true);
                unit.append(run.label());
                units.putIfAbsent(run.label(), run);
                repetition.append(s.repetition());
                passed.append(passed(s) ? 1.0 : 0.0);
                score.append(score(s));
                e2e.append(s.ok() ? s.e2eMs() : Double.NaN);
                cost.append(s.ok() && s.costUsd() != null ? s.costUsd() : Double.NaN);
            }
        });
        return new CaseMatrix(Table.create("cases", arm, caseId, unit, repetition, passed, score, e2e, cost),
                List.copyOf(seen.keySet()), units);
    }

    /**
     * A result passes when its request succeeded, every check on its answer passed and its graded case (the prompt's
     * assertions, weighted against its threshold) passed.
     */
    static boolean passed(SampleRecord s) {
        return s.ok() && s.checks().stream().allMatch(CheckResult::passed) && (s.grade() == null || s.grade().pass());
    }

    /**
     * The graded case's weighted score where the prompt has assertions, else the share of checks passed; a successful
     * answer with neither scores 1, a failed request 0.
     */
    static double score(SampleRecord s) {
        if (!s.ok()) {
            return 0;
        }
        if (s.grade() != null) {
            return s.grade().score();
        }
        return s.checks().isEmpty() ? 1 : (double) s.checks().stream().filter(CheckResult::passed).count()
                / s.checks().size();
    }

    public List<String> arms() {
        return arms;
    }

    public int repetitions() {
        return table.rowCount() == 0 ? 0 : (int) table.intColumn("repetition").max() + 1;
    }

    /** Per arm: each figure over all samples, and its standard deviation over the per-repetition figures. */
    public List<ModelScores> scores() {
        Table overall = table.summarize("passed", "score", "e2e_ms", "cost_usd", mean).by("arm");
        Table perRepetition = table.summarize("passed", "score", "e2e_ms", "cost_usd", mean).by("arm", "repetition");
        Table spread = perRepetition.summarize("Mean [passed]", "Mean [score]", "Mean [e2e_ms]", "Mean [cost_usd]",
                stdDev).by("arm");
        return arms.stream().map(arm -> {
            Table all = overall.where(overall.stringColumn("arm").isEqualTo(arm));
            Table sd = spread.where(spread.stringColumn("arm").isEqualTo(arm));
            int cases = table.where(table.stringColumn("arm").isEqualTo(arm)).rowCount();
            int repetitions = perRepetition.where(perRepetition.stringColumn("arm").isEqualTo(arm)).rowCount();
            return new ModelScores(arm, cases, repetitions,
                    spread(all, sd, "passed", repetitions), spread(all, sd, "score", repetitions),
                    spread(all, sd, "e2e_ms", repetitions), spread(all, sd, "cost_usd", repetitions));
        }).toList();
    }

    private static Spread spread(Table all, Table sd, String column, int repetitions) {
        double value = all.doubleColumn("Mean [" + column + "]").getDouble(0);
        double deviation = repetitions < 2 ? Double.NaN
                : sd.doubleColumn("Std. Deviation [Mean [" + column + "]]").getDouble(0);
        return new Spread(value, deviation);
    }

    /**
     * The case × model pass matrix: one row per case and repetition ({@code unit}, its key for {@link #run}), one
     * column per arm, 1 passed, 0 failed, missing (NaN) where the arm did not run the case.
     */
    public Table passMatrix() {
        return table.pivot("unit", "arm", "passed", mean);
    }

    /** The case and repetition of a {@link #passMatrix} row's {@code unit}, labelled as the run repeated or not. */
    CaseRun run(String unit) {
        return runs.get(unit);
    }

    /**
     * Per case, each arm's pass rate over its repetitions (NaN where the arm did not run the case), in the order the
     * cases first came.
     */
    public List<CaseScores> caseScores() {
        Table matrix = table.pivot("case", "arm", "passed", mean);
        Set<String> order = new LinkedHashSet<>(table.stringColumn("case").asList());
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int row = 0; row < matrix.rowCount(); row++) {
            rowOf.put(matrix.stringColumn("case").get(row), row);
        }
        return order.stream().map(id -> {
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String arm : arms) {
                rates.put(arm, matrix.doubleColumn(arm).getDouble(rowOf.get(id)));
            }
            return new CaseScores(id, rates);
        }).toList();
    }

    /** The E2E latencies of an arm's successful requests, in ms. */
    public double[] latencies(String arm) {
        return values(arm, "e2e_ms");
    }

    /** The costs of an arm's successful priced requests, in USD. */
    public double[] costs(String arm) {
        return values(arm, "cost_usd");
    }

    private double[] values(String arm, String column) {
        return table.where(table.stringColumn("arm").isEqualTo(arm)).doubleColumn(column).removeMissing()
                .asDoubleArray();
    }
}
