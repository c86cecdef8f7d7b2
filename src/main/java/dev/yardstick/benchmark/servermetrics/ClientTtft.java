package dev.yardstick.benchmark.servermetrics;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.stats.Metric;
import org.HdrHistogram.Histogram;

/** The client's TTFT over the whole run (every step, measured successes), to set beside the server's. */
public final class ClientTtft implements SampleListener {

    private final Histogram micros = Metric.concurrentHistogram();

    @Override
    public void onSample(Sample sample) {
        if (!sample.warmup() && sample.ok() && sample.ttftNanos() >= 0) {
            micros.recordValue(Metric.recordedMicros(sample.ttftNanos()));
        }
    }

    long count() {
        return micros.getTotalCount();
    }

    /** The percentile in ms, null when no success was recorded. */
    Double ms(double percentile) {
        return micros.getTotalCount() == 0 ? null : micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
