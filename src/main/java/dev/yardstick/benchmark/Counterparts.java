package dev.yardstick.benchmark;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.ModelStats;
import java.util.Optional;

/**
 * Finds, in a baseline report, what a new result is compared with: the step with the same load label, and in it
 * the same model, or, when both steps measured a single model, that one (a model swap is the usual thing to compare).
 */
final class Counterparts {

    private Counterparts() {
    }

    static Optional<BenchmarkReport.Step> step(BenchmarkReport baseline, String load) {
        return baseline.steps().stream().filter(s -> s.load().equals(load)).findFirst();
    }

    static Optional<ModelStats> model(BenchmarkReport.Step baselineStep, BenchmarkReport.Step current,
                                      ModelStats stats) {
        Optional<ModelStats> same = baselineStep.models().stream().filter(m -> m.model().equals(stats.model()))
                .findFirst();
        if (same.isPresent() || baselineStep.models().size() != 1 || current.models().size() != 1) {
            return same;
        }
        return Optional.of(baselineStep.models().getFirst());
    }
}
