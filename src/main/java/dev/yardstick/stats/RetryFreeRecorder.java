package dev.yardstick.stats;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import org.HdrHistogram.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records each model's latency without its retries ({@link RetryFreeLatency}), beside the main recorder. Nothing
 * to report when no successful request was retried: the figures would be the main ones again.
 */
public final class RetryFreeRecorder implements SampleListener {

    private final Map<String, Model> models = new ConcurrentSkipListMap<>();

    @Override
    public void onSample(Sample sample) {
        if (sample.warmup() || !sample.ok()) {
            return;
        }
        Model m = models.computeIfAbsent(sample.model(), k -> new Model());
        if (sample.attempts() > 1) {
            m.retried.increment();
        }
        m.e2e.recordValue(Metric.recordedMicros(sample.e2eWithoutRetriesNanos()));
        if (sample.ttftNanos() >= 0) {
            m.ttft.recordValue(Metric.recordedMicros(sample.ttftWithoutRetriesNanos()));
        }
    }

    /** Each model's figures, by label; null when no successful request took a retry. */
    public List<RetryFreeLatency> snapshot() {
        if (models.values().stream().allMatch(m -> m.retried.sum() == 0)) {
            return null;
        }
        List<RetryFreeLatency> out = new ArrayList<>();
        models.forEach((label, m) -> out.add(new RetryFreeLatency(label, m.retried.sum(),
                MetricSummary.of(Metric.E2E, RetryFreeLatency.E2E_FORMULA, m.e2e.copy()),
                MetricSummary.of(Metric.TTFT, RetryFreeLatency.TTFT_FORMULA, m.ttft.copy()))));
        return out;
    }

    private static final class Model {
        private final LongAdder retried = new LongAdder();
        private final Histogram e2e = Metric.concurrentHistogram();
        private final Histogram ttft = Metric.concurrentHistogram();
    }
}
