package dev.yardstick.eval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A case's verdict on one answer, by promptfoo's rule: its score is the weighted mean of its assertions' scores
 * (weight 0 counts in neither score nor verdict); without a {@code threshold} it passes when every weighted
 * assertion passes, with one when the score reaches it.
 */
public record CaseResult(boolean pass, double score, Double threshold, List<AssertionResult> assertions) {

    public CaseResult {
        assertions = List.copyOf(assertions);
    }

    /** The first weighted assertion that failed, the one a table names. */
    public Optional<AssertionResult> firstFailure() {
        return assertions.stream().filter(a -> !a.pass() && a.weight() > 0).findFirst();
    }

    /** {@code icontains "park": not found in the answer}, or the score against the threshold; empty on a pass. */
    public String reason() {
        if (pass) {
            return "";
        }
        String failed = firstFailure().map(a -> a.label() + ": " + a.reason()).orElse("");
        if (threshold == null) {
            return failed;
        }
        return "score " + String.format(Locale.ROOT, "%.2f", score) + " < threshold "
                + Texts.number(threshold) + (failed.isEmpty() ? "" : " (" + failed + ")");
    }
}
