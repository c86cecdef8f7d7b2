package dev.yardstick.stats;

import dev.yardstick.config.Durations;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The statistics analyzer's hot path: receives every sample, from many (virtual) threads at once, and keeps per
 * model label only histograms and counters, so memory stays flat however many requests a run makes. Warm-up
 * samples are counted and otherwise ignored. {@link #snapshot()} may be called at any time, also while samples
 * are still arriving (a live progress line), and returns a consistent cut.
 *
 * <p>Closed-loop correction: a closed-loop generator stops sending while a worker waits on a stall, so the stall is
 * under-represented (coordinated omission). When the caller passes the interval each worker was expected to send
 * at, E2E values longer than it are recorded with HdrHistogram's {@code recordValueWithExpectedInterval}, which adds
 * the requests the stall kept from being sent (value − interval, value − 2·interval, ...). The E2E count may then
 * exceed the success count, and the E2E formula says so. Open-loop (rate) runs need no correction: their latency
 * already counts from the scheduled start.
 */
public final class MetricsRecorder implements SampleListener {

    private final SloSet slos;
    private final long runStartEpochMicros;
    private final long expectedIntervalMicros;
    private final Map<Metric, String> formulas;
    private final ConcurrentHashMap<String, ModelRecorder> byModel = new ConcurrentHashMap<>();
    private final List<String> modelOrder = new CopyOnWriteArrayList<>();

    /**
     * @param slos      the SLOs goodput counts against ({@link SloSet#NONE} for none)
     * @param runStart  the wall-clock moment the run's clock reads 0 (samples' {@code scheduledNanos} count from
     *                  it); windows are kept in epoch microseconds so shards from several machines merge
     */
    public MetricsRecorder(SloSet slos, Instant runStart) {
        this(slos, runStart, null);
    }

    /**
     * @param closedLoopExpectedInterval for closed-loop runs, the interval at which each worker was expected to send
     *                                   (null or zero: no coordinated-omission correction)
     */
    public MetricsRecorder(SloSet slos, Instant runStart, Duration closedLoopExpectedInterval) {
        this.slos = Objects.requireNonNull(slos, "slos");
        this.runStartEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Objects.requireNonNull(runStart));
        long interval = closedLoopExpectedInterval == null ? 0 : closedLoopExpectedInterval.toNanos() / 1000;
        this.expectedIntervalMicros = Math.max(0, interval);
        this.formulas = formulas(closedLoopExpectedInterval);
    }

    private Map<Metric, String> formulas(Duration interval) {
        Map<Metric, String> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            out.put(m, m.formula());
        }
        if (expectedIntervalMicros > 0) {
            out.put(Metric.E2E, Metric.E2E.formula() + "; corrected for coordinated omission at an expected interval"
                    + " of " + Durations.format(interval) + " (includes synthetic values for requests a stall kept"
                    + " from being sent)");
        }
        return Map.copyOf(out);
    }

    /**
     * Lists these models from the start, in this order, so a snapshot taken before any of their requests ended (an
     * interruption) still names each, with zero counts.
     */
    public MetricsRecorder expecting(List<String> models) {
        models.forEach(this::recorderOf);
        return this;
    }

    /** Records one sample. Thread-safe, lock-free for writers; computes nothing that can wait for the snapshot. */
    public void record(Sample sample) {
        recorderOf(sample.model()).record(sample, slos, expectedIntervalMicros);
    }

    private ModelRecorder recorderOf(String model) {
        ModelRecorder recorder = byModel.get(model);
        if (recorder == null) {
            // First sample of this model: listed only once it is in the map, so a snapshot never misses it.
            ModelRecorder fresh = new ModelRecorder(model);
            ModelRecorder prior = byModel.putIfAbsent(model, fresh);
            if (prior == null) {
                modelOrder.add(model);
            }
            recorder = prior == null ? fresh : prior;
        }
        return recorder;
    }

    @Override
    public void onSample(Sample sample) {
        record(sample);
    }

    /**
     * Per-model statistics, the {@link #expecting expected} models first, then the others in the order their first
     * sample arrived. No "all models" row.
     */
    public List<ModelStats> snapshot() {
        List<ModelStats> out = new ArrayList<>(modelOrder.size());
        for (String model : modelOrder) {
            out.add(byModel.get(model).snapshot(runStartEpochMicros, slos.text(), formulas));
        }
        return out;
    }

    /**
     * Counts and TTFT/E2E distributions so far, all models together, for a live progress line: cheap enough to call
     * a few times a second while samples arrive (it summarizes and encodes nothing).
     */
    public RunningFigures running() {
        RunningFigures.Builder figures = new RunningFigures.Builder();
        for (String model : modelOrder) {
            byModel.get(model).addRunning(figures);
        }
        return figures.build();
    }

    public SloSet slos() {
        return slos;
    }
}
