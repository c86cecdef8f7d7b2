package dev.yardstick.benchmark.servermetrics;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The client's TTFT over the whole run (every step, measured successes), to set beside the server's. */
public final class ClientTtft implements SampleListener {

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram micros = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);

    @Override
    public void onSample(Sample sample) {
        if (!sample.warmup() && sample.ok() && sample.ttftNanos() >= 0) {
            micros.recordValue(Math.clamp(sample.ttftNanos() / 1000, 1, HIGHEST_MICROS));
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
