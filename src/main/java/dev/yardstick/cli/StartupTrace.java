package dev.yardstick.cli;

import dev.yardstick.watch.ProcStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a run's start-up goes, phase by phase: with {@code YARDSTICK_STARTUP_TRACE} set, each {@link #mark} prints one
 * line to stderr, {@code yardstick trace: WALL CPU RSS PHASE}: seconds since the launcher started (the
 * {@code yardstick} script exports {@code YARDSTICK_LAUNCHED_AT} for that; without it, since the process started, to
 * the kernel's clock tick), the process's CPU seconds so far, and its resident memory in MB. {@code bench/startup.sh}
 * prints the medians. Off (the default) a mark is one test of a constant: nothing is read, nothing loaded.
 */
public final class StartupTrace {

    /** The first mark of every traced run. */
    static final String MAIN = "JVM up, main entered";

    private static final boolean ON = System.getenv("YARDSTICK_STARTUP_TRACE") != null;

    private StartupTrace() {
    }

    /** Notes that the run reached this phase. */
    public static void mark(String phase) {
        if (ON) {
            print(phase);
        }
    }

    private static synchronized void print(String phase) {
        Instant now = Instant.now();
        ProcessHandle.Info self = ProcessHandle.current().info();
        Instant launched = epoch(System.getenv("YARDSTICK_LAUNCHED_AT"));
        if (launched == null) {
            launched = self.startInstant().orElse(now);
        }
        Instant exec = epoch(System.getenv("YARDSTICK_EXEC_AT"));
        if (exec != null && phase.equals(MAIN)) { // the launcher's own share, before the JVM existed
            line(Duration.between(launched, exec), null, -1, "launcher done, java started");
        }
        line(Duration.between(launched, now), self.totalCpuDuration().orElse(null), residentMegabytes(), phase);
    }

    private static void line(Duration wall, Duration cpu, long rssMb, String phase) {
        System.err.printf(Locale.ROOT, "yardstick trace: %.3f %s %s %s%n", wall.toNanos() / 1e9,
                cpu == null ? "-" : String.format(Locale.ROOT, "%.3f", cpu.toNanos() / 1e9),
                rssMb < 0 ? "-" : Long.toString(rssMb), phase);
    }

    /** An instant from bash's {@code $EPOCHREALTIME} (seconds, a fraction after a point or a comma); null if unset. */
    static Instant epoch(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return null;
        }
        try {
            String[] parts = seconds.trim().split("[.,]", 2);
            long whole = Long.parseLong(parts[0]);
            String fraction = parts.length > 1 ? (parts[1] + "000000000").substring(0, 9) : "0";
            return Instant.ofEpochSecond(whole, Long.parseLong(fraction));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** VmRSS in MB; -1 where there is no /proc. */
    private static long residentMegabytes() {
        return ProcStatus.bytes("VmRSS").map(bytes -> bytes >> 20).orElse(-1L);
    }
}
