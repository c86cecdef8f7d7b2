package dev.yardstick.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The kinds a judge model grades, by promptfoo's names: {@code llm-rubric} (the value is a rubric; the judge
 * answers {@code {"reason", "pass", "score"}}) and {@code factuality} (the value is the reference answer; the judge
 * answers one of the categories A-E, of which only D, a disagreement, fails). A grade that does not have that
 * shape is an error, never a pass. The judge is the assertion's {@code provider}, else the run's default.
 */
final class GradedAssertions {

    private static final String RUBRIC_PROMPT = """
            You grade an answer against a rubric. The answer passes when what the rubric states holds for it.
            Reply with one JSON object and nothing else, shaped {"reason": string, "pass": boolean, "score": number}, \
            where score is between 0.0 (fails completely) and 1.0 (meets the rubric fully).

            <Output>
            %s
            </Output>
            <Rubric>
            %s
            </Rubric>
            """;

    private static final String FACTUALITY_PROMPT = """
            You compare the factual content of a submitted answer with an expert answer to the same question. \
            Ignore differences of style, grammar and punctuation.
            [Question]: %s
            [Expert]: %s
            [Submission]: %s
            Choose one category:
            (A) The submission is a subset of the expert answer and fully consistent with it.
            (B) The submission is a superset of the expert answer and fully consistent with it.
            (C) The submission contains all the same details as the expert answer.
            (D) The submission and the expert answer disagree.
            (E) They differ, but the differences do not matter for factuality.
            Reply with one JSON object and nothing else, shaped {"category": "A".."E", "reason": string}.
            """;

    /** promptfoo's default scores: every category passes but a disagreement. */
    private static final Map<String, String> CATEGORIES = Map.of("A", "a consistent subset of the reference",
            "B", "a consistent superset of the reference", "C", "the same details as the reference",
            "D", "in disagreement with the reference", "E", "different from the reference in ways that do not matter");

    private GradedAssertions() {
    }

    static void register(Map<String, AssertionType> types, Judges judges) {
        types.put("llm-rubric", spec -> rubric(spec, judge(spec, judges)));
        types.put("factuality", spec -> factuality(spec, judge(spec, judges)));
    }

    private static Judge judge(AssertionSpec spec, Judges judges) {
        Object named = spec.config().get(AssertionSpec.PROVIDER);
        if (named != null && !(named instanceof String)) {
            throw new FieldException("provider", "expected PROVIDER/MODEL, got " + named);
        }
        return judges.judge((String) named);
    }

    private static Assertion rubric(AssertionSpec spec, Judge judge) {
        String rubric = Values.text(spec);
        Double threshold = spec.threshold();
        return answer -> graded(judge, RUBRIC_PROMPT.formatted(answer.output(), rubric),
                reply -> rubricGrade(reply, threshold));
    }

    private static Assertion factuality(AssertionSpec spec, Judge judge) {
        String reference = Values.text(spec);
        return answer -> graded(judge, FACTUALITY_PROMPT.formatted(answer.prompt(), reference, answer.output()),
                GradedAssertions::factualityGrade);
    }

    /** The judge's reply read into a grade; a judge that could not answer is an error of this assertion. */
    private static Grade graded(Judge judge, String prompt, Function<String, Grade> read) {
        String reply;
        try {
            reply = judge.ask(prompt);
        } catch (RuntimeException e) {
            return Grade.error("the judge gave no grade: " + e.getMessage());
        }
        return read.apply(reply);
    }

    /** {@code {"reason", "pass", "score"}}; with a threshold, the score must also reach it. */
    static Grade rubricGrade(String reply, Double threshold) {
        JsonNode grade = JsonText.find(reply).orElse(null);
        if (grade == null || !grade.isObject()) {
            return malformed(reply, "not a JSON object");
        }
        JsonNode pass = grade.get("pass");
        JsonNode score = grade.get("score");
        if (pass == null || !pass.isBoolean()) {
            return malformed(reply, "no boolean 'pass'");
        }
        if (score == null || !score.isNumber()) {
            return malformed(reply, "no numeric 'score'");
        }
        double value = score.doubleValue();
        if (!(value >= 0 && value <= 1)) {
            return malformed(reply, "score " + Texts.number(value) + " is outside 0..1");
        }
        String reason = reasonOf(grade);
        if (!pass.booleanValue()) {
            return new Grade(false, value, "the judge failed it: " + reason, false);
        }
        if (threshold != null && value < threshold) {
            return new Grade(false, value, "score " + Texts.number(value) + " < threshold "
                    + Texts.number(threshold) + ": " + reason, false);
        }
        return new Grade(true, value, "", false);
    }

    /** {@code {"category": "A".."E", "reason"}}: D fails, the others pass, as promptfoo scores them by default. */
    static Grade factualityGrade(String reply) {
        JsonNode grade = JsonText.find(reply).orElse(null);
        if (grade == null || !grade.isObject()) {
            return malformed(reply, "not a JSON object");
        }
        JsonNode category = grade.get("category");
        String letter = category == null || !category.isTextual() ? null
                : category.asText().strip().replaceAll("^\\(|\\)$", "").toUpperCase(Locale.ROOT);
        if (letter == null || !CATEGORIES.containsKey(letter)) {
            return malformed(reply, "no category A-E");
        }
        boolean passed = !letter.equals("D");
        return Grade.of(passed, "the answer is " + CATEGORIES.get(letter) + " (" + letter + "): " + reasonOf(grade));
    }

    private static String reasonOf(JsonNode grade) {
        JsonNode reason = grade.get("reason");
        return reason == null || reason.isNull() ? "no reason given" : reason.asText();
    }

    private static Grade malformed(String reply, String what) {
        return Grade.error("malformed grade (" + what + "): the judge returned '" + Texts.head(reply) + "'");
    }
}
