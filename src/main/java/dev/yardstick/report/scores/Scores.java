package dev.yardstick.report.scores;

import java.util.List;

/**
 * What a compare run scored: per model pass rate, score, latency and cost with their spread over repetitions; the
 * case × model pass matrix; each
 * pair of models (or each model against the baseline report) with the significance of their differences and the
 * cases that flipped; and the quality gates when a baseline was given (null otherwise).
 */
public record Scores(List<ModelScores> models, List<CaseScores> cases, List<PairComparison> comparisons,
                     GateSummary gate) {

    public Scores {
        models = List.copyOf(models);
        cases = List.copyOf(cases);
        comparisons = List.copyOf(comparisons);
    }

    public boolean gateFailed() {
        return gate != null && gate.failed();
    }
}
