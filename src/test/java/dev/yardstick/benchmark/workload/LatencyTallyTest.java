package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yardstick.report.WorkloadReport.Latencies;
import dev.yardstick.stats.Metric;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Per-turn and prefix latencies: converted as every latency histogram is, recorded from many threads at once. */
class LatencyTallyTest {

    @Test
    void convertsAsTheHeadlineLatenciesDo() {
        LatencyTally tally = new LatencyTally();
        tally.record(2_600); // 2.6 µs: 3 µs, as the headline TTFT records it, not truncated to 2
        Latencies l = tally.summary();
        assertEquals(1, l.count());
        assertEquals(Metric.recordedMicros(2_600) / 1000.0, l.p50Ms());
        assertEquals(0.003, l.maxMs());
    }

    @Test
    void everyTimeRecordedFromManyThreadsAtOnceIsCounted() {
        LatencyTally tally = new LatencyTally();
        int threads = 8;
        int each = 20_000;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> IntStream.rangeClosed(1, each).forEach(i -> tally.record(i * 1_000_000L)));
            }
        } // closing waits for every task: 1..20,000 ms from each thread
        Latencies l = tally.summary();
        assertEquals((long) threads * each, l.count());
        assertEquals(10_000, l.p50Ms(), 10);
        assertEquals(20_000, l.maxMs(), 20);
        assertEquals(10_000.5, l.meanMs(), 10);
    }
}
