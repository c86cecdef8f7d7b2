package dev.yardstick.report.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.export.MarkdownExporter;
import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import dev.yardstick.stats.Interval;
import dev.yardstick.stats.significance.PairedTest;
import dev.yardstick.stats.significance.RankTest;
import dev.yardstick.stats.significance.TestMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate summary as Markdown: the verdict line, what failed by how much, and the flipped cases. */
class ScoresSectionTest {

    private static final PairedTest DROP = new PairedTest(10, 0, 10, 0, 0, TestMethod.EXACT_BINOMIAL, 0,
            2 / 1024.0, -1, new Interval(-1, -1), 0);
    private static final RankTest SAME = new RankTest(10, 10, TestMethod.EXACT, 50, Double.NaN, 1, 0.5, 0);

    @Test
    void aFailedGateSaysWhatFailedByHowMuchAndWhichCasesFlipped() throws Exception {
        PairComparison c = new PairComparison("baseline: m", "m", 1, 0, DROP, 100, 100, 0, SAME, Double.NaN,
                Double.NaN, Double.NaN, SAME, runs("greeting", "refund"), runs("haiku"));
        GateCheck check = new GateCheck("pass-rate", "m", "baseline: m", 100, 0, 100, "points", 5, 2 / 1024.0,
                "McNemar, exact binomial", "regressed", true);
        Scores scores = new Scores(List.of(), List.of(), List.of(c), new GateSummary("base.json", 95, 5.0, null, null,
                List.of(check), List.of()));
        String markdown = markdown(scores);
        assertTrue(markdown.startsWith("# gate\n\n## Quality gate against base.json\n\n> **GATE FAILED: pass-rate of m"
                + " worse by +100.0 points (allowed 5.0 points, p = 0.0020), significant at 95%.**"), markdown);
        assertTrue(markdown.contains("| pass-rate | m | 100.0% | 0.0% | +100.0 points | ≤ 5.0 points | 0.0020"
                + " (McNemar, exact binomial) | FAILED |"), markdown);
        assertTrue(markdown.contains("> **baseline: m → m: pass → fail (2): greeting, refund; fail → pass (1):"
                + " haiku.**"), markdown);
    }

    @Test
    void aPassedGateNamesWhatMovedWithinTheNoise() {
        GateCheck check = new GateCheck("latency", "m", "baseline: m", 100, 150, 50, "%", 20, 0.2,
                "Mann-Whitney U, exact", "within-noise", false);
        GateSummary gate = new GateSummary("base.json", 95, null, 20.0, null, List.of(check), List.of());
        assertEquals("Gate passed: no gated figure got significantly worse than allowed at 95% confidence (beyond"
                + " the allowance but not significant: latency of m worse by +50.0 % (allowed 20.0 %, p ="
                + " 0.2000)).", ScoresSection.verdictLine(gate));
    }

    @Test
    void aModelWithoutCounterpartFailsOnlyAGate() {
        GateSummary ungated = new GateSummary("base.json", 95, null, null, null, List.of(), List.of("n has no"
                + " counterpart in base.json"));
        assertTrue(ScoresSection.verdictLine(ungated).startsWith("No gate asked for"));
        GateSummary gated = new GateSummary("base.json", 95, 5.0, null, null, List.of(), List.of("n has no"
                + " counterpart in base.json"));
        assertTrue(gated.failed());
        assertEquals("GATE FAILED: not compared: n has no counterpart in base.json.",
                ScoresSection.verdictLine(gated));
    }

    private static String markdown(Scores scores) throws Exception {
        StringBuilder out = new StringBuilder();
        new MarkdownExporter().write(new Report() {
            @Override
            public Document document() {
                return new Document("gate", ScoresSection.gate(scores));
            }

            @Override
            public Tabular tabular() {
                return new Tabular(List.of(), List.of());
            }
        }, out);
        return out.toString();
    }

    private static List<CaseRun> runs(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new CaseRun(id, 0, false)).toList();
    }
}
