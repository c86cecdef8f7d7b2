package dev.yardstick.watch;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A virtual thread that sleeps 10 ms at a time and records how late it wakes: it is scheduled like every request's
 * thread (made by the same factory: the JDK's scheduler, or the HTTP event loop that carries the requests), so its
 * lateness is the wait a request's thread has for a carrier (and the carrier for a core) before it can read what
 * arrived. It also samples the heap in use at every wake-up. Its one writer is its own thread and the histogram is read
 * only after {@link #stop()} joined it, so no request's path ever touches it.
 *
 * <p>Why 10 ms and not 1 ms: on an idle 2-core machine a 1 ms probe cost 4.5–5.7% of a core (each wake-up of a virtual
 * thread wakes the carrier pool too), a 10 ms one 1–2.5%; a stall long enough to matter is caught either way, and the
 * stall's swallowed wake-ups are counted (coordinated-omission correction).
 */
final class LagProbe {

    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Set once the JVM's virtual-thread scheduler is known to be up. */
    private static volatile boolean schedulerStarted;

    private final Histogram lateMicros = new Histogram(3);
    private final Runtime runtime = Runtime.getRuntime();
    private volatile boolean running = true;
    private long heapPeak;
    private long lateNanos;
    private long startedNanos;
    private final Thread thread;

    private LagProbe(ThreadFactory threads) {
        startScheduler();
        heapPeak = heapInUse();
        long created = System.nanoTime();
        startedNanos = created;
        thread = threads.newThread(() -> loop(created));
        thread.setName("yardstick-lag-probe");
        thread.start();
    }

    /**
     * The first virtual thread of a JVM initialises the scheduler: done before a probe's clock starts, so a probe
     * never charges its own start-up as the client's lag. (Not in a static initialiser: a virtual thread started
     * there and joined would wait for this class's initialisation, which waits for it.)
     */
    private static void startScheduler() {
        if (schedulerStarted) {
            return;
        }
        try {
            Thread.ofVirtual().start(Thread::yield).join();
            schedulerStarted = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @param threads where the requests' threads come from: the probe is scheduled like them */
    static LagProbe start(ThreadFactory threads) {
        return new LagProbe(threads);
    }

    /** @param due when the probe should first run: a start delayed by busy carriers is lag too */
    private void loop(long due) {
        while (running) {
            long late = System.nanoTime() - due;
            lateNanos += Math.max(0, late);
            // A stall swallows the wake-ups it delayed: count them too, or a 100 ms stall weighs one sample.
            lateMicros.recordValueWithExpectedInterval(Math.max(0, late) / 1000, PERIOD_NANOS / 1000);
            heapPeak = Math.max(heapPeak, heapInUse());
            long before = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            due = before + PERIOD_NANOS;
        }
    }

    private long heapInUse() {
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Stops the probe and returns what it saw: the lag, and the heap peak. */
    Result stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long heap = Math.max(heapPeak, heapInUse());
        long watched = System.nanoTime() - startedNanos;
        Lag lag = lateMicros.getTotalCount() == 0 ? Lag.NONE : new Lag(lateMicros.getTotalCount(),
                lateMicros.getValueAtPercentile(50) / 1000.0, lateMicros.getValueAtPercentile(99) / 1000.0,
                lateMicros.getMaxValue() / 1000.0, watched <= 0 ? Double.NaN : 100.0 * lateNanos / watched);
        return new Result(lag, heap);
    }

    record Result(Lag lag, long heapPeakBytes) {
    }
}
