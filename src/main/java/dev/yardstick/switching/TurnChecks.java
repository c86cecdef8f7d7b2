package dev.yardstick.switching;

import dev.yardstick.engine.Sample;
import dev.yardstick.eval.CheckResult;
import dev.yardstick.eval.Checker;
import dev.yardstick.report.SwitchReport.Check;
import dev.yardstick.switching.integrity.IntegrityCheck;
import dev.yardstick.switching.script.ConversationScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one turn is judged by: whether the history fitted, whether any model answered, whether each provider
 * received the history intact, the turn's expectations of the answer, and who was to answer it.
 */
final class TurnChecks {

    private TurnChecks() {
    }

    /** The checks of one turn, in the order a reader needs them. */
    static List<Check> of(ConversationScript script, boolean checkAnsweredBy, ConversationScript.Turn turn,
                          String target, List<Attempt> tries, Attempt answer) {
        List<Check> checks = new ArrayList<>();
        int t = turn.number();
        String answerModel = answer == null ? target : answer.model();
        Map<String, List<IntegrityCheck.Result>> byModel = new LinkedHashMap<>();
        for (Attempt a : tries) {
            if (a.integrity() != null) {
                byModel.computeIfAbsent(a.model(), k -> new ArrayList<>()).add(a.integrity());
            }
            if (a.outcome() == Attempt.Outcome.UNFIT) { // the cause comes first: it is what a reader needs to fix
                checks.add(new Check(t, a.model(), "history fits the window", false, a.reason()));
            }
        }
        checks.add(new Check(t, answerModel, "answered", answer != null, answer != null ? ""
                : tries.isEmpty() ? "not tried" : "no model answered: " + tries.stream()
                .map(a -> script.nameOf(a.model()) + ": " + a.describe()).collect(Collectors.joining("; "))));
        byModel.forEach((model, results) -> {
            IntegrityCheck.Result bad = results.stream().filter(r -> !r.intact()).findFirst().orElse(null);
            String requests = results.size() == 1 ? "" : " (" + results.size() + " requests)";
            checks.add(new Check(t, model, "history intact", bad == null,
                    (bad == null ? results.get(0).summary() : String.join("; ", bad.findings())) + requests));
        });
        if (answer != null) {
            Sample s = answer.sample();
            for (CheckResult c : Checker.check(turn.expect(), s.text(), s.tokens().output(), s.e2eNanos())) {
                checks.add(new Check(t, answer.model(), c.check(), c.passed(), c.detail()));
            }
        }
        if (checkAnsweredBy && turn.answeredBy() != null) {
            String expected = script.label(turn.answeredBy());
            boolean ok = answer != null && answer.model().equals(expected);
            checks.add(new Check(t, answerModel, "answered by " + turn.answeredBy(), ok,
                    ok ? "" : answer == null ? "no answer" : "answered by " + answer.model()));
        }
        return checks;
    }
}
