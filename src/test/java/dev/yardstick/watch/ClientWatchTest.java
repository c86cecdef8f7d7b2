package dev.yardstick.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the watch measures, against load this test makes itself: its CPU figure covers at least the CPU our own busy
 * threads are known to have burnt, and its lag probe sees the stall when busy threads hold every carrier thread.
 */
class ClientWatchTest {

    private static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) {
            x += System.nanoTime() & 1; // no call that yields: the thread keeps its core (or carrier)
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    @Test
    void cpuCoversWhatBusyThreadsBurnt() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong burnt = new AtomicLong();
        ClientWatch watch = ClientWatch.start();
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            busy.add(Thread.ofPlatform().start(() -> {
                spin(SPIN_NANOS);
                burnt.addAndGet(threads.getCurrentThreadCpuTime());
            }));
        }
        for (Thread t : busy) {
            t.join();
        }
        ClientUsage usage = watch.stop(10);
        double cpuNanos = usage.cpuPercentOfCore() / 100 * usage.wallSeconds() * 1e9;
        assertTrue(cpuNanos >= burnt.get() * 0.99, "process CPU " + cpuNanos + " ns covers the busy threads' "
                + burnt.get() + " ns");
        assertEquals(cpuNanos / 10 / 1000, usage.cpuMicrosPerRequest(), usage.cpuMicrosPerRequest() * 1e-6);
        assertTrue(usage.heapPeakBytes() > 0);
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertNotNull(usage.rssPeakBytes(), "VmHWM is read where /proc is");
            assertTrue(usage.rssPeakBytes() > 10_000_000L, "a JVM's resident set: " + usage.rssPeakBytes());
        }
    }

    @Test
    void theLagProbeSeesBusyThreadsHoldingEveryCarrier() throws Exception {
        ClientWatch watch = ClientWatch.start();
        Thread.sleep(50); // the probe is sleeping in its loop
        // More spinning virtual threads than carriers: none yields, so the probe cannot wake until they end.
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < carriers + 1; i++) {
            busy.add(Thread.ofVirtual().start(() -> spin(SPIN_NANOS)));
        }
        for (Thread t : busy) {
            t.join();
        }
        ClientUsage usage = watch.stop(1);
        assertTrue(usage.lag().maxMs() >= 200, "a stall of about 300 ms: " + usage.lag());
        assertTrue(usage.lag().p99Ms() >= 100, "the stall's swallowed wake-ups count: " + usage.lag());
        assertTrue(usage.lag().behindPercent() >= Saturation.BEHIND_PERCENT, usage.lag().toString());
        assertTrue(usage.saturated(), usage.describe());
        assertTrue(usage.warning().contains("behind schedule"), usage.warning());
    }
}
