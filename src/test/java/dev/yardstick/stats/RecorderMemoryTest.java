package dev.yardstick.stats;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import dev.yardstick.testing.Heap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory is flat in the number of requests: a million samples need no more heap than a thousand. */
class RecorderMemoryTest {

    private static final long MS = 1_000_000L;
    private static final TokenCounts TOKENS = new TokenCounts(200, 50, null, 200, 50, TokenSource.COUNTED);

    private static Sample synthetic(long sequence, SplittableRandom r, long e2eNanos) {
        long ttft = e2eNanos / 5;
        long[] gaps = new long[8];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = r.nextLong(0, 100 * MS);
        }
        return new Sample(sequence, sequence % 2 == 0 ? "mock/a" : "mock/b", "p", 0, false, sequence * MS,
                r.nextLong(0, 10 * MS), ttft, e2eNanos, gaps, TOKENS, "", "stop", null, 1, null);
    }

    @Test
    void aMillionSamplesNeedNoMoreHeapThanAThousand() throws InterruptedException {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.parse("ttft=1s"), Instant.EPOCH);
        SplittableRandom r = new SplittableRandom(1);
        // Fill all three of each model's tallies (two that writers swap, one running total), the extremes first, so
        // every histogram has its final size before the first measurement.
        long sequence = 0;
        for (int round = 0; round < 2; round++) {
            recorder.record(synthetic(sequence++, r, 60_000 * MS));
            recorder.record(synthetic(sequence++, r, 60_000 * MS));
            recorder.record(synthetic(sequence++, r, MS));
            recorder.record(synthetic(sequence++, r, MS));
            while (sequence < 1_000L * (round + 1)) {
                recorder.record(synthetic(sequence++, r, r.nextLong(MS, 60_000 * MS)));
            }
            recorder.snapshot();
        }
        long afterThousands = Heap.usedAfterGc();

        long started = System.nanoTime();
        while (sequence < 1_000_000) {
            recorder.record(synthetic(sequence++, r, r.nextLong(MS, 60_000 * MS)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long afterMillion = Heap.usedAfterGc();

        long growth = afterMillion - afterThousands;
        long attempted = recorder.snapshot().stream().mapToLong(s -> s.requests().attempted()).sum();
        assertEquals(1_000_000, attempted);
        // anything kept per sample (even a 16-byte reference) would be ≥ 16 MB here
        assertTrue(growth < 2 * 1024 * 1024, "heap grew by " + growth / 1024 + " KB over a million samples");
        System.err.printf("recorded 998,000 samples (13 histogram values each) in %.2f s; heap growth %d KB%n",
                seconds, growth / 1024);
    }
}
