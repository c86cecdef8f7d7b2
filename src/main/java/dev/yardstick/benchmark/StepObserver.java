package dev.yardstick.benchmark;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.RunningFigures;
import java.time.Duration;
import java.util.function.Supplier;

/** Watches a benchmark step by step: what a live progress line needs. Called on the benchmark's own thread. */
public interface StepObserver {

    StepObserver NONE = new StepObserver() {
        @Override
        public void started(LiveStep step) {
        }

        @Override
        public void ended(BenchmarkReport.Step result) {
        }
    };

    void started(LiveStep step);

    void ended(BenchmarkReport.Step result);

    /**
     * A step as it runs.
     *
     * @param steps     how many steps the plan has
     * @param requests  measured requests this step sends on this machine (warm-up not included); -1 when only time
     *                  bounds it
     * @param duration  the step's time limit (warm-up included), null when the request count bounds it
     * @param figures   counts and TTFT/E2E so far; cheap enough to call a few times a second
     */
    record LiveStep(LoadStep step, int steps, long requests, Duration duration, Supplier<RunningFigures> figures) {
    }
}
