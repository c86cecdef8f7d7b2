package dev.yardstick.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what a code assertion returned, as promptfoo does: true or false; a number, the score, which passes when it
 * reaches the assertion's {@code threshold} (above 0 when there is none); or an object {@code {pass, score, reason}}.
 * Anything else is an error, never a pass.
 */
final class ScriptVerdict {

    private ScriptVerdict() {
    }

    static Grade ofNumber(double score, Double threshold) {
        boolean pass = threshold == null ? score > 0 : score >= threshold;
        return new Grade(pass, score, pass ? "" : "score " + Texts.number(score)
                + (threshold == null ? " is not above 0" : " < threshold " + Texts.number(threshold)), false);
    }

    static Grade ofBoolean(boolean pass) {
        return Grade.of(pass, "returned false");
    }

    /** A JSON result: true/false, a number, or an object with {@code pass} and/or {@code score}. */
    static Grade ofJson(JsonNode node, Double threshold, String shown) {
        if (node.isBoolean()) {
            return ofBoolean(node.booleanValue());
        }
        if (node.isNumber()) {
            return ofNumber(node.doubleValue(), threshold);
        }
        if (node.isObject()) {
            JsonNode pass = node.get("pass");
            JsonNode score = node.get("score");
            JsonNode reason = node.get("reason");
            if ((pass != null && !pass.isBoolean()) || (score != null && !score.isNumber())
                    || (pass == null && score == null)) {
                return Grade.error("returned " + Texts.head(shown) + ": an object needs a boolean 'pass' and/or a"
                        + " numeric 'score'");
            }
            Grade byScore = score == null ? null : ofNumber(score.doubleValue(), threshold);
            boolean passed = pass != null ? pass.booleanValue() : byScore.pass();
            double value = score != null ? score.doubleValue() : passed ? 1 : 0;
            String why = reason != null && !reason.isNull() ? reason.asText()
                    : byScore != null ? byScore.reason() : "returned pass: false";
            return new Grade(passed, value, passed ? "" : why, false);
        }
        return Grade.error("returned " + Texts.head(shown) + ", not true/false, a number or {pass, score, reason}");
    }

    /** A program's printed result: the last non-empty line of its output, read as JSON. */
    static Grade ofPrinted(String stdout, Double threshold) {
        String last = stdout.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
        if (last.isEmpty()) {
            return Grade.error("printed nothing; print a score, true/false or JSON {pass, score, reason}");
        }
        return JsonText.parse(last).map(n -> ofJson(n, threshold, last))
                .orElse(Grade.error("printed '" + Texts.head(last) + "', not a score, true/false or JSON"));
    }
}
