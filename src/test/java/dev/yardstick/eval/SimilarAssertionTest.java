package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** similar on real sentence pairs, embedded in-process by all-MiniLM-L6-v2. */
class SimilarAssertionTest {

    private static final String EXPECTED = "The cat is sleeping on the sofa.";
    private static final String PARAPHRASE = "A cat is asleep on the couch.";
    private static final String UNRELATED = "Quarterly tax filings are due at the end of April.";

    private static Grade similar(Object value, Double threshold, String output) {
        return Grading.grade("similar", value, threshold, output);
    }

    @Test
    void aParaphraseScoresHigherThanAnUnrelatedSentenceAndOnlyItPasses() {
        Grade paraphrase = similar(EXPECTED, null, PARAPHRASE);
        Grade unrelated = similar(EXPECTED, null, UNRELATED);
        System.err.println("similar: paraphrase " + paraphrase.score() + ", unrelated " + unrelated.score());
        assertTrue(paraphrase.score() > unrelated.score(), paraphrase + " vs " + unrelated);
        assertTrue(paraphrase.pass(), paraphrase.toString());
        assertEquals("", paraphrase.reason());
        assertFalse(unrelated.pass(), unrelated.toString());
        assertFalse(unrelated.error());
        assertTrue(unrelated.reason().matches("similarity -?0\\.\\d+ < 0\\.75"), unrelated.reason());
    }

    @Test
    void theScoreIsTheCosineOfTheEmbeddings() {
        MiniLm model = MiniLm.get();
        double cosine = MiniLm.cosine(model.embed(PARAPHRASE), model.embed(EXPECTED));
        Grade grade = similar(EXPECTED, null, PARAPHRASE);
        assertEquals(cosine, grade.score(), 1e-9);
        assertTrue(grade.score() > 0 && grade.score() < 1, grade.toString());
        assertTrue(similar(UNRELATED, null, UNRELATED).score() > 0.999, "a text is most similar to itself");
    }

    @Test
    void theThresholdDecides() {
        double score = similar(EXPECTED, null, UNRELATED).score();
        assertTrue(similar(EXPECTED, Math.max(0, score - 0.01), UNRELATED).pass());
        assertFalse(similar(EXPECTED, Math.min(1, score + 0.01), UNRELATED).pass());
    }

    @Test
    void notSimilarPassesBelowTheThreshold() {
        assertTrue(similar(EXPECTED, null, UNRELATED).score() < SimilarAssertion.DEFAULT_THRESHOLD);
        assertTrue(Grading.grade("not-similar", EXPECTED, null, UNRELATED).pass());
        Grade close = Grading.grade("not-similar", EXPECTED, null, PARAPHRASE);
        assertFalse(close.pass());
        assertEquals("the answer is similar to \"" + EXPECTED + "\"", close.reason());
    }

    @Test
    void aListPassesWhenAnyTextIsSimilarEnoughAndScoresTheBest() {
        Grade any = similar(List.of(UNRELATED.replace("April", "May"), EXPECTED), null, PARAPHRASE);
        assertTrue(any.pass(), any.toString());
        assertEquals(similar(EXPECTED, null, PARAPHRASE).score(), any.score(), 1e-9);
        assertFalse(similar(List.of("Stock prices fell sharply today.", UNRELATED), null, PARAPHRASE).pass());
    }

    @Test
    void aCommaInOneTextDoesNotSplitIt() {
        String withComma = "Yes, the cat is sleeping on the sofa.";
        assertEquals(MiniLm.cosine(MiniLm.get().embed(withComma), MiniLm.get().embed(PARAPHRASE)),
                similar(withComma, null, PARAPHRASE).score(), 1e-9);
    }

    @Test
    void manyThreadsGradeAtOnceWithTheSameScoresAsOne() throws Exception {
        Assertion assertion = AssertionTypes.compile(AssertionSpec.of("similar", EXPECTED, null), Grading.HERE);
        List<String> answers = List.of(PARAPHRASE, UNRELATED, EXPECTED, "The dog barks at the mailman.");
        List<Double> alone = answers.stream().map(a -> assertion.grade(Grading.answer(a)).score()).toList();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Double>> together = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String answer = answers.get(i % answers.size());
                together.add(pool.submit(() -> assertion.grade(Grading.answer(answer)).score()));
            }
            for (int i = 0; i < together.size(); i++) {
                assertEquals(alone.get(i % answers.size()), together.get(i).get(), 1e-6);
            }
        }
    }

    @Test
    void aThresholdOutsideZeroToOneOrAMissingValueIsRefused() {
        FieldException high = assertThrows(FieldException.class,
                () -> AssertionTypes.check(AssertionSpec.of("similar", EXPECTED, 2.0), Grading.HERE));
        assertEquals("threshold", high.field());
        assertThrows(FieldException.class,
                () -> AssertionTypes.check(AssertionSpec.of("similar", EXPECTED, -0.5), Grading.HERE));
        FieldException missing = assertThrows(FieldException.class,
                () -> AssertionTypes.check(AssertionSpec.of("similar", null, null), Grading.HERE));
        assertEquals("value", missing.field());
    }
}
