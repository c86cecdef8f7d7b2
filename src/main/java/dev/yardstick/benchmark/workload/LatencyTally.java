package dev.yardstick.benchmark.workload;

import dev.yardstick.report.WorkloadReport.Latencies;
import dev.yardstick.stats.Metric;
import org.HdrHistogram.Histogram;

/**
 * Times recorded as they arrive, summarised in milliseconds. Each ended request (or session) records from its own
 * thread, so recording takes no lock: the histogram is HdrHistogram's concurrent one, and a summary reads one
 * consistent copy of it.
 */
final class LatencyTally {

    private static final double MICROS_PER_MS = 1000;

    private final Histogram micros = Metric.concurrentHistogram();

    void record(long nanos) {
        micros.recordValue(Metric.recordedMicros(nanos));
    }

    Latencies summary() {
        Histogram h = micros.copy();
        if (h.getTotalCount() == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getMean() / MICROS_PER_MS);
    }

    private static double ms(long micros) {
        return micros / MICROS_PER_MS;
    }
}
