package dev.yardstick.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code yardstick report diff}: what changed from a baseline benchmark report to a new one, per step and model:
 * every percentile, mean and rate with its absolute and relative change, which gated figures regressed by more
 * than the allowance (when one was given), and whether each median moved by more than its confidence intervals.
 *
 * @param maxRegressionPercent  the allowance the regressions were judged by, null when none was asked for
 * @param notes                 steps or models found on one side only
 */
public record DiffReport(RunInfo run, String baseline, String current, Double maxRegressionPercent,
                         List<Comparison> comparisons, List<String> notes) implements Report {

    public DiffReport {
        comparisons = List.copyOf(comparisons);
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
     * @param gated          one of the figures a regression gate judges (p50/p95/p99 of latencies, throughputs)
     * @param regressed      gated and worse by more than the allowance
     * @param medianApart    for medians: the two 95% confidence intervals do not overlap; null for other figures
     */
    public record Row(String figure, String unit, double baseline, double current, double changePercent,
                      boolean gated, boolean regressed, Boolean medianApart) {
    }

    /** Every regressed row, as {@code step model figure} lines. */
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

    @Override
    public Document document() {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.KeyValues(List.of(new Document.KeyValue("baseline", baseline),
                new Document.KeyValue("new", current),
                new Document.KeyValue("regression allowance", maxRegressionPercent == null ? "none (report only)"
                        : value(maxRegressionPercent, "%") + " on p50/p95/p99 latencies and throughputs"))));
        List<String> regressed = regressions();
        if (maxRegressionPercent != null) {
            blocks.add(new Document.Paragraph(regressed.isEmpty()
                    ? "No gated figure regressed by more than " + value(maxRegressionPercent, "%") + "."
                    : "REGRESSED: " + String.join("; ", regressed) + ".", !regressed.isEmpty()));
        }
        for (Comparison c : comparisons) {
            blocks.add(new Document.Heading(c.step() + ": " + (c.baselineModel().equals(c.model()) ? c.model()
                    : c.baselineModel() + " → " + c.model())));
            List<List<String>> rows = new ArrayList<>();
            for (Row r : c.rows()) {
                if (r.gated() || r.medianApart() != null) {
                    rows.add(List.of(r.figure(), value(r.baseline(), r.unit()), value(r.current(), r.unit()),
                            change(r.changePercent()), flag(r)));
                }
            }
            blocks.add(new Document.Grid(List.of("figure", "baseline", "new", "change", ""), rows,
                    List.of(false, true, true, true, false), false));
        }
        for (String note : notes) {
            blocks.add(new Document.Paragraph(note));
        }
        blocks.add(new Document.Paragraph("Medians whose 95% confidence intervals do not overlap moved by more than"
                + " noise (marked 'median moved'). JSON and CSV hold every percentile, mean and rate."));
        return new Document("Yardstick report diff", blocks);
    }

    private static String flag(Row r) {
        List<String> flags = new ArrayList<>();
        if (r.regressed()) {
            flags.add("REGRESSED");
        }
        if (Boolean.TRUE.equals(r.medianApart())) {
            flags.add("median moved");
        }
        return String.join(", ", flags);
    }

    static String value(double value, String unit) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String number = Formats.number(value, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
        return unit.equals("%") ? number + "%" : number + " " + unit;
    }

    static String change(double percent) {
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
                        cell(r.current()), cell(r.changePercent()), r.gated(), r.regressed(),
                        r.medianApart() == null ? "" : r.medianApart()));
            }
        }
        return new Tabular(List.of("step", "baseline_model", "model", "figure", "unit", "baseline", "new",
                "change_percent", "gated", "regressed", "median_apart"), rows);
    }

    private static Object cell(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : value;
    }
}
