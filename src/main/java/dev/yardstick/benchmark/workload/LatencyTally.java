package dev.yardstick.benchmark.workload;

import dev.yardstick.report.WorkloadReport.Latencies;
import org.HdrHistogram.Histogram;

/** Times recorded as they arrive (any thread), summarised in milliseconds. */
final class LatencyTally {

    private static final double MICROS_PER_MS = 1000;

    private final Histogram micros = new Histogram(3);

    synchronized void record(long nanos) {
        micros.recordValue(Math.max(0, nanos / 1000));
    }

    synchronized Latencies summary() {
        if (micros.getTotalCount() == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()),
                micros.getMean() / MICROS_PER_MS);
    }

    private static double ms(long micros) {
        return micros / MICROS_PER_MS;
    }
}
