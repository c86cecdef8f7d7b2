package dev.yardstick.report.scores;

import dev.yardstick.report.Document;
import dev.yardstick.report.Formats;
import dev.yardstick.stats.RegressionRule;
import dev.yardstick.stats.significance.MannWhitney;
import dev.yardstick.stats.significance.McNemar;
import dev.yardstick.stats.significance.PairedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a document shows {@link Scores}: the gate first (its verdict line, what failed and by how much, the cases
 * that flipped; in Markdown fit for {@code $GITHUB_STEP_SUMMARY}), then the scores per model and the differences.
 */
public final class ScoresSection {

    private ScoresSection() {
    }

    /** The verdict line and the gate's table; empty without a baseline. */
    public static List<Document.Block> gate(Scores scores) {
        GateSummary gate = scores.gate();
        if (gate == null) {
            return List.of();
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Quality gate against " + gate.baseline()));
        blocks.add(new Document.Paragraph(verdictLine(gate), gate.failed()));
        if (!gate.checks().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (GateCheck c : gate.checks()) {
                rows.add(List.of(c.gate(), c.model(), value(c.baselineValue(), c.gate()), value(c.value(), c.gate()),
                        signed(c.change(), c.unit()), "≤ " + Formats.number(c.allowance(), 1) + " " + c.unit(),
                        p(c.pValue()) + " (" + c.test() + ")", c.failed() ? "FAILED" : c.verdict()));
            }
            blocks.add(new Document.Grid(List.of("gate", "model", "baseline", "new", "change (+ is worse)", "allowed",
                    "p-value", "verdict"), rows, List.of(false, false, true, true, true, true, false, false), true));
        }
        for (PairComparison c : scores.comparisons()) {
            if (gate.checks().stream().anyMatch(g -> g.baseline().equals(c.baseline())
                    && g.model().equals(c.model()))) {
                flips(c).ifPresent(blocks::add);
            }
        }
        return blocks;
    }

    /**
     * One line: {@code GATE FAILED: pass-rate of m dropped by 40.0 points (allowed 5.0), significant at 95%
     * (p = 0.002)}, or {@code Gate passed} with what moved but not significantly.
     */
    public static String verdictLine(GateSummary gate) {
        String confidence = RegressionRule.confidenceText(gate.confidencePercent() / 100);
        List<String> failed = new ArrayList<>();
        List<String> noise = new ArrayList<>();
        for (GateCheck c : gate.checks()) {
            String what = c.gate() + " of " + c.model() + " worse by " + signed(c.change(), c.unit()) + " (allowed "
                    + Formats.number(c.allowance(), 1) + " " + c.unit() + ", p = " + p(c.pValue()) + ")";
            if (c.failed()) {
                failed.add(what);
            } else if (c.verdict().equals("within-noise") && c.change() > 0) {
                noise.add(what);
            }
        }
        StringBuilder line = new StringBuilder();
        if (!gate.gated()) {
            line.append("No gate asked for (--max-pass-rate-drop, --max-latency-regression, --max-cost-increase)")
                    .append(gate.notCompared().isEmpty() ? "" : "; not compared: "
                            + String.join("; ", gate.notCompared()))
                    .append(".");
        } else if (gate.failed()) {
            line.append("GATE FAILED: ");
            if (!failed.isEmpty()) {
                line.append(String.join("; ", failed)).append(", significant at ").append(confidence);
            }
            if (!gate.notCompared().isEmpty()) {
                line.append(failed.isEmpty() ? "" : "; ").append("not compared: ")
                        .append(String.join("; ", gate.notCompared()));
            }
            line.append(".");
        } else {
            line.append("Gate passed: no gated figure got significantly worse than allowed at ").append(confidence)
                    .append(" confidence");
            if (!noise.isEmpty()) {
                line.append(" (beyond the allowance but not significant: ").append(String.join("; ", noise))
                        .append(")");
            }
            line.append(".");
        }
        return line.toString();
    }

    /** The per-model figures with their spread, then every comparison with its tests. */
    public static List<Document.Block> scores(Scores scores) {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Scores per model (± standard deviation over repetitions)"));
        List<List<String>> rows = new ArrayList<>();
        for (ModelScores m : scores.models()) {
            rows.add(List.of(m.model(), String.valueOf(m.cases()),
                    Formats.percent(m.passRate().value()) + spreadPercent(m.passRate()),
                    Formats.number(m.meanScore().value(), 3) + spreadNumber(m.meanScore(), 3),
                    Formats.ms(m.latencyMs().value()) + (Double.isNaN(m.latencyMs().sd()) ? ""
                            : " ± " + Formats.ms(m.latencyMs().sd())),
                    Double.isNaN(m.costPerRequestUsd().value()) ? "–" : Formats.usd(m.costPerRequestUsd().value())
                            + (Double.isNaN(m.costPerRequestUsd().sd()) ? ""
                            : " ± " + Formats.usd(m.costPerRequestUsd().sd()))));
        }
        blocks.add(new Document.Grid(List.of("model", "results", "pass rate", "mean score", "mean E2E",
                "cost/request"), rows, List.of(false, true, true, true, true, true), false));
        blocks.addAll(failedCases(scores));
        if (scores.comparisons().isEmpty()) {
            return blocks;
        }
        blocks.add(new Document.Heading("Differences (reference → model)"));
        List<List<String>> diffs = new ArrayList<>();
        for (PairComparison c : scores.comparisons()) {
            PairedTest t = c.passRateTest();
            diffs.add(List.of(c.baseline() + " → " + c.model(), String.valueOf(t.cases()),
                    points(t.passRateDifference()) + " [" + points(t.differenceCi().low()) + ", "
                            + points(t.differenceCi().high()) + "]",
                    p(t.pValue()) + " (" + t.method().label() + ")",
                    t.onlyBaseline() + " / " + t.onlyCurrent(),
                    signed(c.latencyChangePercent(), "%"), p(c.latency().pValue()),
                    Formats.number(c.latency().rankBiserial(), 2),
                    signed(c.costChangePercent(), "%"), p(c.cost().pValue())));
        }
        blocks.add(new Document.Grid(List.of("comparison", "paired", "pass rate Δ [CI]", "p (McNemar)",
                "pass→fail / fail→pass", "median E2E Δ", "p (Mann-Whitney)", "rank-biserial", "cost Δ",
                "p (cost)"),
                diffs, List.of(false, true, true, false, true, true, true, true, true, true), false));
        for (PairComparison c : scores.comparisons()) {
            flips(c).ifPresent(blocks::add);
        }
        blocks.add(new Document.Paragraph("Pass rate: a case × repetition passes when its request succeeded, every"
                + " check passed and its assertions passed (weighted, against the case's threshold). Its difference is paired by case (McNemar's test: exact binomial on the discordant"
                + " cases below " + McNemar.EXACT_BELOW + " of them, else"
                + " chi-square with continuity correction; Wald interval of the paired difference). Latency and cost:"
                + " Mann-Whitney U of the successful requests (exact without ties below "
                + MannWhitney.EXACT_BELOW + " per side, else the tie-corrected normal"
                + " approximation); rank-biserial > 0 means the model's values run larger. p-values are two-sided."));
        return blocks;
    }

    /** Shown at most; JSON keeps every case. */
    static final int CASES_SHOWN = 50;

    /** The case × model matrix, cut to the cases some model failed: the ones a reader looks for. */
    private static List<Document.Block> failedCases(Scores scores) {
        List<CaseScores> failed = scores.cases().stream().filter(CaseScores::anyFailed).toList();
        if (failed.isEmpty()) {
            return List.of();
        }
        List<String> arms = scores.models().stream().map(ModelScores::model).toList();
        List<String> headers = new ArrayList<>(List.of("case"));
        headers.addAll(arms);
        List<List<String>> rows = new ArrayList<>();
        for (CaseScores c : failed.subList(0, Math.min(CASES_SHOWN, failed.size()))) {
            List<String> row = new ArrayList<>(List.of(c.id()));
            arms.forEach(arm -> row.add(Formats.percent(c.passRate().getOrDefault(arm, Double.NaN))));
            rows.add(row);
        }
        List<Boolean> numeric = new ArrayList<>(List.of(false));
        arms.forEach(arm -> numeric.add(true));
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Cases some model failed (pass rate per model)"));
        blocks.add(new Document.Grid(headers, rows, numeric, false));
        if (failed.size() > CASES_SHOWN) {
            blocks.add(new Document.Paragraph((failed.size() - CASES_SHOWN) + " more cases failed somewhere; JSON"
                    + " lists every case under scores.cases."));
        }
        return blocks;
    }

    private static Optional<Document.Block> flips(PairComparison c) {
        if (c.passToFail().isEmpty() && c.failToPass().isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!c.passToFail().isEmpty()) {
            parts.add("pass → fail (" + c.passToFail().size() + "): " + labels(c.passToFail()));
        }
        if (!c.failToPass().isEmpty()) {
            parts.add("fail → pass (" + c.failToPass().size() + "): " + labels(c.failToPass()));
        }
        return Optional.of(new Document.Paragraph(c.baseline() + " → " + c.model() + ": "
                + String.join("; ", parts) + ".", !c.passToFail().isEmpty()));
    }

    private static String labels(List<CaseRun> runs) {
        return String.join(", ", runs.stream().map(CaseRun::label).toList());
    }

    private static String value(double v, String gate) {
        return switch (gate) {
            case "pass-rate" -> Formats.number(v, 1) + "%";
            case "latency" -> Formats.ms(v);
            default -> Double.isNaN(v) ? "–" : Formats.usd(v);
        };
    }

    private static String signed(double v, String unit) {
        // + 0.0 turns a negative zero into a plain one: "+0.0", never "-0.0"
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f %s", v + 0.0, unit);
    }

    private static String points(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%+.1f", fraction * 100 + 0.0);
    }

    private static String p(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        return p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String spreadPercent(Spread s) {
        return Double.isNaN(s.sd()) ? "" : " ± " + Formats.number(s.sd() * 100, 1);
    }

    private static String spreadNumber(Spread s, int decimals) {
        return Double.isNaN(s.sd()) ? "" : " ± " + Formats.number(s.sd(), decimals);
    }
}
