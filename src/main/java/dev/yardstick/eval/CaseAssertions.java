package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A case's compiled assertions and threshold: grades an answer into a {@link CaseResult}. An assertion that throws
 * while grading is recorded as an error of that assertion, not of the run; an error fails the case whatever its score.
 */
public final class CaseAssertions {

    /** A case with nothing to assert: every answer passes with score 1. */
    public static final CaseAssertions NONE = new CaseAssertions(List.of(), List.of(), null);

    private final List<AssertionSpec> specs;
    private final List<Assertion> compiled;
    private final Double threshold;

    private CaseAssertions(List<AssertionSpec> specs, List<Assertion> compiled, Double threshold) {
        this.specs = List.copyOf(specs);
        this.compiled = List.copyOf(compiled);
        this.threshold = threshold;
    }

    /**
     * @param dir the folder of the file the assertions were written in (scripts and programs run from there)
     * @throws InputException naming the assertion's position and the field that is wrong
     */
    public static CaseAssertions compile(List<AssertionSpec> specs, Double threshold, Path dir) {
        return compile(specs, threshold, dir, Judges.NONE);
    }

    /** @param judges where graded assertions find their judge model */
    public static CaseAssertions compile(List<AssertionSpec> specs, Double threshold, Path dir, Judges judges) {
        List<Assertion> compiled = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            try {
                compiled.add(AssertionTypes.compile(specs.get(i), dir, judges));
            } catch (FieldException e) {
                throw new InputException("assert[" + i + "]." + e.field() + ": " + e.problem());
            }
        }
        return new CaseAssertions(specs, compiled, threshold);
    }

    public boolean isEmpty() {
        return compiled.isEmpty();
    }

    public CaseResult grade(Answer answer) {
        List<AssertionResult> results = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        boolean allPass = true;
        boolean errored = false;
        for (int i = 0; i < compiled.size(); i++) {
            AssertionSpec spec = specs.get(i);
            Grade grade;
            try {
                grade = compiled.get(i).grade(answer);
            } catch (RuntimeException e) {
                grade = Grade.error(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            double weight = spec.weightOrDefault();
            results.add(new AssertionResult(spec.type(), Values.excerpt(spec.value()), spec.metric(), weight,
                    grade.pass(), grade.score(), grade.reason(), grade.error()));
            weighted += grade.score() * weight;
            weights += weight;
            allPass &= grade.pass() || weight == 0;
            errored |= grade.error() && weight > 0;
        }
        double score = weights == 0 ? 1 : weighted / weights;
        // An assertion that could not judge (a crashed script) fails the case even when the score would pass.
        boolean pass = !errored && (threshold == null ? allPass : score >= threshold);
        return new CaseResult(pass, score, threshold, results);
    }
}
