package dev.yardstick.compare.scores;

import dev.yardstick.stats.significance.TestMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.scores.CaseRun;
import dev.yardstick.report.scores.GateCheck;
import dev.yardstick.report.scores.ModelScores;
import dev.yardstick.report.scores.PairComparison;
import dev.yardstick.report.scores.Scores;
import dev.yardstick.stats.significance.PairedTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final QualityGates NO_GATES = new QualityGates(null, null, null, 0.95);

    /** Two repetitions: a passes 4/4 then 2/4, so 75% ± sd(100%, 50%) = 35.4 points. */
    @Test
    void perModelFiguresCarryTheirSpreadOverRepetitions() {
        Results r = new Results();
        for (int rep = 0; rep < 2; rep++) {
            for (int c = 0; c < 4; c++) {
                r.add("a", "case" + c, rep, rep == 0 || c < 2, 100 + 100 * rep, 0.01 * (rep + 1));
            }
        }
        r.failed("b", "case0", 0);
        Scores scores = Scoring.score(List.of("a", "b"), r.list(), null, NO_GATES, 0.95);
        ModelScores a = scores.models().getFirst();
        assertEquals(8, a.cases());
        assertEquals(2, a.repetitions());
        assertEquals(0.75, a.passRate().value(), 1e-12);
        assertEquals(Math.sqrt(0.125), a.passRate().sd(), 1e-12);
        assertEquals(150, a.latencyMs().value(), 1e-9);
        assertEquals(Math.sqrt(5000), a.latencyMs().sd(), 1e-9);
        assertEquals(0.015, a.costPerRequestUsd().value(), 1e-12);
        ModelScores b = scores.models().get(1);
        assertEquals(0, b.passRate().value(), 0);
        assertEquals(0, b.meanScore().value(), 0);
        assertTrue(Double.isNaN(b.latencyMs().value()), "a failed request has no latency");
        assertNull(scores.gate());
        assertEquals(List.of("case0", "case1", "case2", "case3"), scores.cases().stream().map(c -> c.id()).toList());
        assertEquals(0.5, scores.cases().get(3).passRate().get("a"), 0, "passed on the first repetition only");
        assertEquals(0.0, scores.cases().get(0).passRate().get("b"), 0);
        assertTrue(Double.isNaN(scores.cases().get(1).passRate().get("b")), "b did not run case1");
    }

    /** A prompt's assertions decide its case: their weighted score is the case's score, their verdict its pass. */
    @Test
    void aGradedCaseCountsByItsAssertions() {
        Results r = new Results().graded("a", "case0", 0, true, 0.75).graded("a", "case1", 0, false, 0.25);
        ModelScores a = Scoring.score(List.of("a"), r.list(), null, NO_GATES, 0.95).models().getFirst();
        assertEquals(0.5, a.passRate().value(), 1e-12, "case1 failed its assertions though its request succeeded");
        assertEquals(0.5, a.meanScore().value(), 1e-12, "the mean of 0.75 and 0.25");
    }

    /** Pairs by case and repetition; names the flipped cases; the pass-rate test is McNemar's on them. */
    @Test
    void aPairOfModelsIsComparedCaseByCase() {
        Results r = new Results();
        for (int c = 0; c < 12; c++) {
            r.add("a", "case" + c, 0, true, 100 + c, null);
            r.add("b", "case" + c, 0, c == 0 || c >= 11, 300 + c, null);
        }
        r.add("b", "only-b", 0, true, 300, null);
        Scores scores = Scoring.score(List.of("a", "b"), r.list(), null, NO_GATES, 0.95);
        PairComparison c = scores.comparisons().getFirst();
        assertEquals("a", c.baseline());
        assertEquals("b", c.model());
        assertEquals(List.of("case1", "case2", "case3", "case4", "case5", "case6", "case7", "case8", "case9",
                "case10"), c.passToFail().stream().map(CaseRun::label).toList());
        assertEquals(List.of(), c.failToPass());
        PairedTest t = c.passRateTest();
        assertEquals(12, t.cases(), "the case only b ran is not paired");
        assertEquals(TestMethod.EXACT_BINOMIAL, t.method());
        assertEquals(2 / 1024.0, t.pValue(), 1e-15);
        assertEquals(1.0, c.baselinePassRate(), 0);
        assertEquals(2 / 12.0, c.passRate(), 1e-12);
        assertTrue(c.latencyChangePercent() > 150);
        assertTrue(c.latency().pValue() < 0.001);
        assertEquals(1, c.latency().rankBiserial(), 0);
        assertTrue(Double.isNaN(c.costChangePercent()), "unpriced");
    }

    @Test
    void theGateFailsOnlyWhenTheDropIsBeyondTheAllowanceAndSignificant() {
        QualityGates gates = new QualityGates(5.0, null, null, 0.95);
        // 3 of 3 flipped: a 100-point drop, p = 0.25
        Scores few = Scoring.score(List.of("m"), flipped(3), new CompareResults("base.json", baseline(3)),
                gates, 0.95);
        GateCheck small = few.gate().checks().getFirst();
        assertEquals(100, small.change(), 1e-9);
        assertEquals("within-noise", small.verdict());
        assertFalse(few.gateFailed());
        // 10 of 10 flipped: p = 2/1024
        Scores many = Scoring.score(List.of("m"), flipped(10), new CompareResults("base.json", baseline(10)),
                gates, 0.95);
        assertEquals("regressed", many.gate().checks().getFirst().verdict());
        assertTrue(many.gateFailed());
        assertEquals("baseline: m", many.comparisons().getFirst().baseline());
    }

    @Test
    void aModelWithoutCounterpartFailsTheGate() {
        Scores scores = Scoring.score(List.of("m", "n"), flipped(2), new CompareResults("base.json", baseline(2)),
                new QualityGates(5.0, null, null, 0.95), 0.95);
        assertTrue(scores.gateFailed());
        assertEquals(List.of("n has no counterpart in base.json"), scores.gate().notCompared());
    }

    @Test
    void judgementFollowsTheAllowanceThenTheSignificance() {
        assertEquals("within-allowance", QualityGates.judge(4, 5, true).label());
        assertEquals("within-noise", QualityGates.judge(6, 5, false).label());
        assertEquals("regressed", QualityGates.judge(6, 5, true).label());
        assertEquals("improved", QualityGates.judge(-6, 5, true).label());
        assertEquals("undefined", QualityGates.judge(Double.NaN, 5, true).label());
    }

    private static List<dev.yardstick.report.SampleRecord> baseline(int cases) {
        Results r = new Results();
        for (int c = 0; c < cases; c++) {
            r.add("m", "case" + c, 0, true, 100, null);
        }
        return r.list();
    }

    private static List<dev.yardstick.report.SampleRecord> flipped(int cases) {
        Results r = new Results();
        for (int c = 0; c < cases; c++) {
            r.add("m", "case" + c, 0, false, 100, null);
        }
        return r.list();
    }
}
