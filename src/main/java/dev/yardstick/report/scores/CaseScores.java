package dev.yardstick.report.scores;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the case × model matrix.
 *
 * @param passRate per model, the share of the case's repetitions that passed; NaN (null in JSON) where the model did
 *                 not run the case
 */
public record CaseScores(String id, Map<String, Double> passRate) {

    public CaseScores {
        passRate = Collections.unmodifiableMap(new LinkedHashMap<>(passRate));
    }

    /** Whether some model failed the case at least once. */
    public boolean anyFailed() {
        return passRate.values().stream().anyMatch(r -> r != null && r < 1);
    }
}
