package dev.yardstick.report;

import dev.yardstick.stats.Interval;
import dev.yardstick.stats.RegressionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code yardstick report diff}: what changed from a baseline benchmark report to a new one, per step and model:
 * every percentile, mean and rate with its change, both runs' confidence intervals and a verdict. The regression
 * gate judges the p50/p95/p99 latencies and the throughputs: a figure regresses when it got worse by more than the
 * allowance and the change is significant (the intervals do not overlap).
 *
 * @param maxRegressionPercent  the allowance the regressions were judged by, null when none was asked for (the
 *                              verdicts are then judged with a 0% allowance, and nothing fails)
 * @param confidencePercent     the confidence of every interval, in percent
 * @param gateUnsupported       percentiles too few samples support were judged on their change alone
 * @param notCompared           steps or models found on one side only: with an allowance, each fails the gate
 * @param notes                 anything else a reader must know
 */
public record DiffReport(RunInfo run, String baseline, String current, Double maxRegressionPercent,
                         double confidencePercent, boolean gateUnsupported, List<Comparison> comparisons,
                         List<String> notCompared, List<String> notes) implements Report {

    public DiffReport {
        comparisons = List.copyOf(comparisons);
        notCompared = List.copyOf(notCompared);
        notes = List.copyOf(notes);
    }

    /** One step and model, baseline against new. */
    public record Comparison(String step, String baselineModel, String model, List<Row> rows) {
        public Comparison {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One figure.
     *
     * @param figure         {@code p95(ttft)}, {@code throughput}, ...
     * @param changePercent  (new − baseline) / baseline in percent; NaN when undefined
     * @param baselineCi     the baseline's confidence interval; an end its sample cannot give is NaN
     * @param currentCi      the new run's
     * @param gatedFigure    one of the figures the regression gate judges (p50/p95/p99 of latencies but queue time
     *                       and of per-request tokens/s; throughput, output tokens/s, goodput)
     * @param verdict        {@code regressed}, {@code improved}, {@code within-allowance}, {@code within-noise},
     *                       {@code too-few-samples}, {@code undefined}, or {@code not-gated}
     * @param regressed      the verdict is {@code regressed}
     */
    public record Row(String figure, String unit, double baseline, double current, double changePercent,
                      Interval baselineCi, Interval currentCi, boolean gatedFigure, String verdict,
                      boolean regressed) {
    }

    /** Every regressed row, as {@code figure at step on model: before → after (change)} lines. */
    public List<String> regressions() {
        List<String> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            for (Row r : c.rows()) {
                if (r.regressed()) {
                    out.add(r.figure() + " at " + c.step() + " on " + c.model() + ": " + value(r.baseline(), r.unit())
                            + " → " + value(r.current(), r.unit()) + " (" + change(r.changePercent()) + ")");
                }
            }
        }
        return out;
    }

    /** True when a regression gate was asked for and a figure regressed or a step or model could not be compared. */
    public boolean gateFailed() {
        return maxRegressionPercent != null && (!regressions().isEmpty() || !notCompared.isEmpty());
    }

    /** How many gated figures got each verdict, by verdict name. */
    private Map<String, Integer> verdictCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Comparison c : comparisons) {
            for (Row r : c.rows()) {
                if (r.gatedFigure()) {
                    counts.merge(r.verdict(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Override
    public Document document() {
        List<Document.Block> blocks = new ArrayList<>();
        String confidence = RegressionRule.confidenceText(confidencePercent / 100);
        blocks.add(new Document.KeyValues(List.of(new Document.KeyValue("baseline", baseline),
                new Document.KeyValue("new", current),
                new Document.KeyValue("regression allowance", maxRegressionPercent == null
                        ? "none (report only; verdicts judged at 0%)"
                        : value(maxRegressionPercent, "%") + " on p50/p95/p99 latencies and throughputs"),
                new Document.KeyValue("significance", confidence + " confidence: a change counts only when the two"
                        + " runs' " + confidence + " intervals do not overlap"),
                new Document.KeyValue("too few samples", gateUnsupported
                        ? "gated on the change alone (--gate-unsupported)" : "not gated"))));
        blocks.add(summary());
        for (Comparison c : comparisons) {
            blocks.add(new Document.Heading(c.step() + ": " + (c.baselineModel().equals(c.model()) ? c.model()
                    : c.baselineModel() + " → " + c.model())));
            List<List<String>> rows = new ArrayList<>();
            for (Row r : c.rows()) {
                if (r.gatedFigure()) {
                    rows.add(List.of(r.figure(), value(r.baseline(), r.unit()), interval(r.baselineCi()),
                            value(r.current(), r.unit()), interval(r.currentCi()), change(r.changePercent()),
                            r.regressed() ? "REGRESSED" : r.verdict()));
                }
            }
            blocks.add(new Document.Grid(List.of("figure", "baseline", confidence + " CI", "new", confidence + " CI",
                    "change", "verdict"), rows, List.of(false, true, true, true, true, true, false), false));
        }
        for (String note : notes) {
            blocks.add(new Document.Paragraph(note));
        }
        blocks.add(new Document.Paragraph("Intervals: percentiles by order statistics of the histogram (exact"
                + " binomial ranks), means and throughputs by a bootstrap of the mean, '≥ x' where the sample count"
                + " cannot bound the percentile from above. JSON and CSV hold every percentile, mean and rate."));
        return new Document("Yardstick report diff", blocks);
    }

    private Document.Paragraph summary() {
        List<String> regressed = regressions();
        List<String> parts = new ArrayList<>();
        if (!regressed.isEmpty()) {
            parts.add("REGRESSED: " + String.join("; ", regressed) + ".");
        }
        if (!notCompared.isEmpty()) {
            parts.add("NOT COMPARED" + (maxRegressionPercent == null ? "" : " (fails the gate)") + ": "
                    + String.join(" ", notCompared));
        }
        if (regressed.isEmpty()) {
            parts.add(0, (maxRegressionPercent == null ? "No gated figure is significantly worse"
                    : "No gated figure regressed by more than " + value(maxRegressionPercent, "%")) + " ("
                    + String.join(", ", verdictCounts().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).toList()) + ").");
        }
        return new Document.Paragraph(String.join(" ", parts), maxRegressionPercent != null && gateFailed());
    }

    private static String interval(Interval ci) {
        if (ci == null || Double.isNaN(ci.low()) && Double.isNaN(ci.high())) {
            return "–";
        }
        if (Double.isNaN(ci.high())) {
            return "≥ " + Formats.figure(ci.low());
        }
        if (Double.isNaN(ci.low())) {
            return "≤ " + Formats.figure(ci.high());
        }
        return Formats.figure(ci.low()) + "–" + Formats.figure(ci.high());
    }

    static String value(double value, String unit) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String number = Formats.figure(value);
        return unit.equals("%") ? number + "%" : number + " " + unit;
    }

    /** A relative change as the diff report prints it: {@code +12.3%}, {@code +∞%} from a zero baseline. */
    public static String change(double percent) {
        if (Double.isNaN(percent)) {
            return "–";
        }
        if (Double.isInfinite(percent)) {
            return percent > 0 ? "+∞%" : "-∞%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    @Override
    public Tabular tabular() {
        List<List<Object>> rows = new ArrayList<>();
        for (Comparison c : comparisons) {
            for (Row r : c.rows()) {
                rows.add(List.of(c.step(), c.baselineModel(), c.model(), r.figure(), r.unit(), cell(r.baseline()),
                        cell(r.baselineCi().low()), cell(r.baselineCi().high()), cell(r.current()),
                        cell(r.currentCi().low()), cell(r.currentCi().high()), cell(r.changePercent()),
                        r.gatedFigure(), r.verdict()));
            }
        }
        return new Tabular(List.of("step", "baseline_model", "model", "figure", "unit", "baseline",
                "baseline_ci_low", "baseline_ci_high", "new", "new_ci_low", "new_ci_high", "change_percent",
                "gated_figure", "verdict"), rows);
    }

    private static Object cell(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : value;
    }
}
