package dev.yardstick.report.scores;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One run of a case: the case's id and the repetition (0-based) kept as data, so nothing has to be recovered from
 * the label shown to a reader, whatever the id holds (an id may itself contain {@code " #2"}).
 *
 * @param repeated true when the run's cases ran more than once, so the label names the repetition
 */
public record CaseRun(String caseId, int repetition, boolean repeated) {

    /** As reports show and store it: {@code id}, or {@code id #2} for the second repetition. */
    @JsonValue
    public String label() {
        return repeated ? caseId + " #" + (repetition + 1) : caseId;
    }

    /**
     * A run read back from a report, which stores the label only: taken as the one run of a case named by that
     * label, so it is shown and counted as it was written.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CaseRun storedAs(String label) {
        return new CaseRun(label, 0, false);
    }
}
