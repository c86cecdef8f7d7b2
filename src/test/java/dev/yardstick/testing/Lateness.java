package dev.yardstick.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How late the server woke for its scheduled content chunks, so a benchmark can check that the fixture itself kept
 * time: a load test whose target was 30 ms late measures the target, not the client.
 *
 * @param waits the scheduled waits measured
 * @param mean  mean wake-up lateness
 * @param max   worst wake-up lateness
 */
public record Lateness(long waits, Duration mean, Duration max) {

    /** Accumulates lateness from many threads without locking. */
    static final class Meter {
        private final LongAdder waits = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final AtomicLong maxNanos = new AtomicLong();

        void record(long latenessNanos) {
            long late = Math.max(0, latenessNanos);
            waits.increment();
            totalNanos.add(late);
            if (late > maxNanos.get()) {
                maxNanos.accumulateAndGet(late, Math::max);
            }
        }

        Lateness snapshot() {
            long count = waits.sum();
            return new Lateness(count, Duration.ofNanos(count == 0 ? 0 : totalNanos.sum() / count),
                    Duration.ofNanos(maxNanos.get()));
        }

        void reset() {
            waits.reset();
            totalNanos.reset();
            maxNanos.set(0);
        }
    }
}
