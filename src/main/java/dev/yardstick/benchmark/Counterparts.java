package dev.yardstick.benchmark;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.ModelStats;
import java.util.List;
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
        return model(baselineStep, stats.model(), current.models().size());
    }

    private static Optional<ModelStats> model(BenchmarkReport.Step baselineStep, String model, int currentModels) {
        Optional<ModelStats> same = baselineStep.models().stream().filter(m -> m.model().equals(model)).findFirst();
        if (same.isPresent() || baselineStep.models().size() != 1 || currentModels != 1) {
            return same;
        }
        return Optional.of(baselineStep.models().getFirst());
    }

    /** True when at least one of the planned steps and models has a counterpart in the baseline. */
    static boolean anyInCommon(BenchmarkReport baseline, List<String> loads, List<String> models) {
        return loads.stream().flatMap(load -> step(baseline, load).stream())
                .anyMatch(base -> models.stream().anyMatch(m -> model(base, m, models.size()).isPresent()));
    }

    /** The steps and models of a report, for a message: {@code concurrency=1 (mock/fast)}. */
    static String describe(BenchmarkReport report) {
        if (report.steps().isEmpty()) {
            return "no step";
        }
        return String.join(", ", report.steps().stream().map(s -> s.load() + " (" + String.join(", ",
                s.models().stream().map(ModelStats::model).toList()) + ")").toList());
    }
}
