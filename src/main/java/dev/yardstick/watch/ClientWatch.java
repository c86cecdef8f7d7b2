package dev.yardstick.watch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Watches the client over one step: {@link #start()} before the step's first request, {@link #stop(long)} after its
 * last. Process CPU time and wall time are read twice (never per request); a {@link LagProbe} measures scheduling
 * lag and heap on its own thread; the RSS high-water mark comes from {@code /proc/self/status} (VmHWM), reset at the
 * start where the kernel allows it.
 */
public final class ClientWatch implements AutoCloseable {

    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final long startNanos;
    private final long startCpuNanos;
    private final boolean rssReset;
    private final LagProbe probe;
    private ClientUsage usage;

    private ClientWatch(ThreadFactory requestThreads) {
        rssReset = resetRssPeak();
        startNanos = System.nanoTime();
        startCpuNanos = processCpuNanos();
        probe = LagProbe.start(requestThreads);
    }

    /** Watches a step whose requests run on the JDK's virtual threads. */
    public static ClientWatch start() {
        return start(Thread.ofVirtual().factory());
    }

    /** @param requestThreads where the step's requests run: its lag probe runs there too */
    public static ClientWatch start(ThreadFactory requestThreads) {
        return new ClientWatch(requestThreads);
    }

    /** Stops watching and judges what it saw. Idempotent: later calls return the first answer. */
    public synchronized ClientUsage stop(long requests) {
        if (usage != null) {
            return usage;
        }
        long wall = System.nanoTime() - startNanos;
        long cpuEnd = processCpuNanos();
        LagProbe.Result probed = probe.stop();
        int cores = Runtime.getRuntime().availableProcessors();
        double cpu = startCpuNanos < 0 || cpuEnd < 0 || wall <= 0 ? Double.NaN
                : 100.0 * (cpuEnd - startCpuNanos) / wall;
        double perRequest = startCpuNanos < 0 || cpuEnd < 0 || requests <= 0 ? Double.NaN
                : (cpuEnd - startCpuNanos) / 1000.0 / requests;
        Optional<Long> rss = rssPeakBytes();
        usage = new ClientUsage(wall / 1e9, cores, cpu, requests, perRequest, probed.heapPeakBytes(),
                rss.orElse(null), rss.isEmpty() ? null : rssReset ? "watched" : "process", probed.lag(),
                Saturation.judge(cpu, cores, probed.lag()));
        return usage;
    }

    /** Stops the probe if {@link #stop} was never called (an exception ended the step). */
    @Override
    public void close() {
        stop(0);
    }

    /** The process's CPU time in nanoseconds, all threads (JIT and GC included: they compete for the cores too). */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            if (nanos >= 0) {
                return nanos;
            }
        }
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }

    /** Writing 5 to clear_refs resets the peak RSS to the current one (Linux 4.0+); harmless where refused. */
    private static boolean resetRssPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** VmHWM, in bytes; empty where there is no /proc. */
    static Optional<Long> rssPeakBytes() {
        return ProcStatus.bytes("VmHWM");
    }
}
