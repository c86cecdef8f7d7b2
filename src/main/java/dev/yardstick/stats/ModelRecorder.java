package dev.yardstick.stats;

import dev.yardstick.engine.Sample;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

import java.util.EnumMap;
import java.util.Map;

/**
 * One model's recording: writers on many threads, a reader that can take a consistent snapshot while they run.
 *
 * <p>Why not one HdrHistogram {@code Recorder} per metric: a {@code Recorder} is a {@code WriterReaderPhaser} around
 * a {@code ConcurrentHistogram}, so it costs a phaser entry and exit per <em>value</em> on top of the concurrent
 * histogram's own, and a snapshot of six recorders plus the counters would be six separate cuts (E2E's count could
 * disagree with the success counter). Plain {@code ConcurrentHistogram}s are cheaper still but give no stable
 * reading while writers run. So this applies the {@code Recorder} idea once per <em>sample</em>: one phaser entry
 * around all of a sample's values and counters (a request with 500 chunks pays one entry, not 505), and a reader
 * that swaps the whole {@link Tally} and folds the retired one into a running total: one consistent cut across
 * every metric and counter, taken without stopping the writers.
 */
final class ModelRecorder {

    private final String model;
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Tally active = new Tally();
    private Tally spare = new Tally();
    private final Tally total = new Tally();

    ModelRecorder(String model) {
        this.model = model;
    }

    void record(Sample sample, SloSet slos, int outputTokensAsked) {
        long ticket = phaser.writerCriticalSectionEnter();
        try {
            active.record(sample, slos, outputTokensAsked);
        } finally {
            phaser.writerCriticalSectionExit(ticket);
        }
    }

    /** Folds everything recorded so far into the total and summarizes it. */
    synchronized ModelStats snapshot(long runStartEpochMicros, String slo, int outputTokensAsked) {
        fold();
        Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Histogram values = total.histogram(metric);
            if (values.getTotalCount() > 0 || !metric.onlyWhenRecorded()) { // no TTFO where no request reasoned
                summaries.put(metric, MetricSummary.of(metric, metric.formula(), values));
            }
        }
        return ModelStats.of(model, total.requests(), total.tokens(), total.window(runStartEpochMicros), slo,
                summaries, total.flags(outputTokensAsked));
    }

    /** Folds everything recorded so far into the total and adds its counts and live histograms to {@code into}. */
    synchronized void addRunning(RunningFigures.Builder into) {
        fold();
        into.add(total.requests(), total.histogram(Metric.TTFT), total.histogram(Metric.E2E));
    }

    /** Swaps in the spare tally and adds the retired one to the total, without stopping the writers. */
    private void fold() {
        phaser.readerLock();
        try {
            Tally retired = active;
            active = spare;
            phaser.flipPhase(); // returns once no writer is still inside `retired`
            total.add(retired);
            retired.reset();
            spare = retired;
        } finally {
            phaser.readerUnlock();
        }
    }
}
