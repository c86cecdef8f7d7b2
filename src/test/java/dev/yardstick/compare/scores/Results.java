package dev.yardstick.compare.scores;

import dev.yardstick.eval.AssertionResult;
import dev.yardstick.eval.CaseResult;
import dev.yardstick.eval.CheckResult;
import dev.yardstick.report.SampleRecord;
import java.util.ArrayList;
import java.util.List;

/** Builds compare samples with a given outcome, latency and cost, for the scoring tests. */
final class Results {

    private final List<SampleRecord> samples = new ArrayList<>();

    Results add(String model, String prompt, int repetition, boolean passed, double e2eMs, Double costUsd) {
        CheckResult check = new CheckResult("contains \"park\"", passed, passed ? "" : "not found in the answer");
        samples.add(new SampleRecord(samples.size(), model, prompt, repetition, true, 1.0, e2eMs, 0, 1, List.of(),
                new SampleRecord.Tokens(3, 4, 0, 0, "reported", "reported", 3, 4, null, null), "an answer", "stop",
                null, null, List.of(check), costUsd, null, null, null, null));
        return this;
    }

    /** An answer whose checks passed but whose graded case (its assertions) scored {@code score}. */
    Results graded(String model, String prompt, int repetition, boolean pass, double score) {
        CaseResult grade = new CaseResult(pass, score, 0.5, List.of(new AssertionResult("icontains", "park", null, 1,
                pass, score, pass ? "" : "not found", false)));
        samples.add(new SampleRecord(samples.size(), model, prompt, repetition, true, 1.0, 100, 0, 1, List.of(),
                new SampleRecord.Tokens(3, 4, 0, 0, "reported", "reported", 3, 4, null, null), "an answer", "stop",
                null, null, List.of(), null, null, null, null, grade));
        return this;
    }

    Results failed(String model, String prompt, int repetition) {
        samples.add(new SampleRecord(samples.size(), model, prompt, repetition, false, null, 5, 0, 0, List.of(),
                new SampleRecord.Tokens(3, 0, 0, 0, "reported", "reported", null, null, null, null), "", null,
                null, new SampleRecord.Error("timeout", null, "timed out"), List.of(), null, null, null, null, null));
        return this;
    }

    List<SampleRecord> list() {
        return List.copyOf(samples);
    }
}
