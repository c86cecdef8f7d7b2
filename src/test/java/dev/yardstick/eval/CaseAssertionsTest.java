package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.AssertionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case's verdict by promptfoo's rule: every assertion without a threshold, the weighted score with one. */
class CaseAssertionsTest {

    private static final String ANSWER = "Lily went to the park with Tom";

    private static AssertionSpec weighted(String type, Object value, double weight, String metric) {
        return new AssertionSpec(type, value, null, weight, metric, null, 0);
    }

    private static CaseResult grade(Double threshold, AssertionSpec... specs) {
        return CaseAssertions.compile(List.of(specs), threshold, Grading.HERE).grade(Grading.answer(ANSWER));
    }

    @Test
    void withoutAThresholdEveryAssertionMustPass() {
        CaseResult all = grade(null, AssertionSpec.of("contains", "park", null), AssertionSpec.of("contains", "Tom",
                null));
        assertTrue(all.pass());
        assertEquals(1.0, all.score());
        CaseResult one = grade(null, AssertionSpec.of("contains", "park", null), AssertionSpec.of("contains", "zoo",
                null));
        assertFalse(one.pass());
        assertEquals(0.5, one.score());
        assertEquals("contains \"zoo\": not found in the answer", one.reason());
        assertEquals("contains", one.firstFailure().orElseThrow().type());
    }

    @Test
    void theScoreIsTheWeightedMeanAndAThresholdDecides() {
        // (1·3 + 0·1) / 4 = 0.75
        AssertionSpec heavy = weighted("contains", "park", 3, "place");
        AssertionSpec light = weighted("contains", "zoo", 1, "animals");
        CaseResult passes = grade(0.75, heavy, light);
        assertEquals(0.75, passes.score(), 1e-12);
        assertTrue(passes.pass(), "0.75 reaches the threshold 0.75");
        assertEquals("", passes.reason());
        CaseResult fails = grade(0.8, heavy, light);
        assertFalse(fails.pass());
        assertEquals("score 0.75 < threshold 0.8 (contains \"zoo\": not found in the answer)", fails.reason());
        assertEquals("animals", fails.firstFailure().orElseThrow().metric());
        assertEquals(3.0, fails.assertions().get(0).weight());
        // the other way round: (0·3 + 1·1) / 4 = 0.25
        CaseResult swapped = grade(0.5, weighted("contains", "zoo", 3, null), weighted("contains", "park", 1, null));
        assertEquals(0.25, swapped.score(), 1e-12);
        assertFalse(swapped.pass());
    }

    @Test
    void weightZeroIsReportedButDecidesNothing() {
        CaseResult result = grade(null, AssertionSpec.of("contains", "park", null), weighted("is-json", null, 0, null));
        assertTrue(result.pass());
        assertEquals(1.0, result.score());
        assertFalse(result.assertions().get(1).pass(), "still reported");
        assertTrue(result.firstFailure().isEmpty());
    }

    @Test
    void anAssertionThatCannotJudgeFailsTheCaseWhateverItsScore() {
        AssertionSpec unpriced = AssertionSpec.of("cost", null, 1.0);
        CaseResult result = CaseAssertions.compile(List.of(AssertionSpec.of("contains", "park", null), unpriced), 0.1,
                Grading.HERE).grade(new Answer(ANSWER, 3, 1, null, "c", "p", null));
        assertEquals(0.5, result.score());
        assertFalse(result.pass(), "an error is never a pass");
        assertTrue(result.assertions().get(1).error());
    }

    @Test
    void aCaseWithNoAssertionsPasses() {
        assertTrue(CaseAssertions.NONE.isEmpty());
        assertTrue(CaseAssertions.NONE.grade(Grading.answer("")).pass());
    }

    @Test
    void expectMapsOntoTheEngineAndKeepsItsCheckNames() {
        var expectation = new dev.yardstick.config.Expectation(List.of("PARK"), List.of("zoo"), "Tom$", 5, "1s");
        List<CheckResult> checks = Checker.check(expectation, ANSWER, 7, 2_000_000_000L);
        assertEquals(List.of("contains \"PARK\"", "does not contain \"zoo\"", "matches /Tom$/", "at most 5 tokens",
                "latency at most 1s"), checks.stream().map(CheckResult::check).toList());
        assertEquals(List.of(true, true, true, false, false), checks.stream().map(CheckResult::passed).toList());
        assertEquals("7 tokens", checks.get(3).detail());
        assertEquals("2.00s", checks.get(4).detail());
        CheckResult untimed = Checker.check(expectation, ANSWER, 7, -1).get(4);
        assertFalse(untimed.passed(), "a cached answer has no latency to pass a limit with");
        assertTrue(untimed.detail().contains("--no-cache"), untimed.detail());
    }
}
