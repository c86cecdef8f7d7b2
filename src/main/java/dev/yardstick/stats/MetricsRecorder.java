package dev.yardstick.stats;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The statistics analyzer's hot path: receives every sample, from many (virtual) threads at once, and keeps per
 * model label only histograms and counters, so memory stays flat however many requests a run makes. Warm-up
 * samples are counted and otherwise ignored. {@link #snapshot()} may be called at any time, also while samples
 * are still arriving (a live progress line), and returns a consistent cut.
 *
 * <p>Latencies count from each request's scheduled start, so open-loop (rate) runs are free of coordinated omission
 * without correction. Closed-loop runs send back to back, with no expected interval to correct against: a fixed
 * offered load is what rate mode is for.
 */
public final class MetricsRecorder implements SampleListener {

    private final SloSet slos;
    private final long runStartEpochMicros;
    private volatile int outputTokensAsked;
    private final ConcurrentHashMap<String, ModelRecorder> byModel = new ConcurrentHashMap<>();
    private final List<String> modelOrder = new CopyOnWriteArrayList<>();
    private final Function<Sample, String> group;

    /**
     * @param slos      the SLOs goodput counts against ({@link SloSet#NONE} for none)
     * @param runStart  the wall-clock moment the run's clock reads 0 (samples' {@code scheduledNanos} count from
     *                  it); windows are kept in epoch microseconds so shards from several machines merge
     */
    public MetricsRecorder(SloSet slos, Instant runStart) {
        this(slos, runStart, Sample::model);
    }

    private MetricsRecorder(SloSet slos, Instant runStart, Function<Sample, String> group) {
        this.slos = Objects.requireNonNull(slos, "slos");
        this.runStartEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Objects.requireNonNull(runStart));
        this.group = group;
    }

    /**
     * A recorder whose "models" are the endpoints of pools ({@link #endpointLabel}): the same figures, broken down
     * by the endpoint that answered. Samples of no pool, and of a pool's requests that reached no endpoint, are
     * left out.
     */
    public static MetricsRecorder perEndpoint(SloSet slos, Instant runStart) {
        return new MetricsRecorder(slos, runStart, MetricsRecorder::endpointLabel);
    }

    /** {@code pool:qwen @ replica-a}; null for a sample that no pool's endpoint answered. */
    public static String endpointLabel(Sample sample) {
        return sample.endpoint() == null ? null : endpointLabel(sample.model(), sample.endpoint());
    }

    public static String endpointLabel(String pool, String endpoint) {
        return pool + " @ " + endpoint;
    }

    /**
     * Counts the successes that answered with fewer output tokens than {@code asked} (the plan's output length), so
     * a report can say its throughput came from shorter answers than planned. Call before the first sample.
     */
    public MetricsRecorder expectingOutputTokens(Integer asked) {
        this.outputTokensAsked = asked == null ? 0 : Math.max(0, asked);
        return this;
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
        String key = group.apply(sample);
        if (key != null) {
            recorderOf(key).record(sample, slos, outputTokensAsked);
        }
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
            out.add(byModel.get(model).snapshot(runStartEpochMicros, slos.text(), outputTokensAsked));
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
