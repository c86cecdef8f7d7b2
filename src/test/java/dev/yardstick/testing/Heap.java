package dev.yardstick.testing;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;

/** What a test's objects really hold on the heap, after a collection. */
public final class Heap {

    private Heap() {
    }

    /** The heap left in use after a collection, the least of three tries. */
    public static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * The JVM's own class histogram ({@code jcmd GC.class_histogram}, which collects first) as it prints it. Kept as
     * this one string until both snapshots are taken: a parsed map of the first would itself be thousands of live
     * Strings and map nodes (one per loaded class) when the second is taken, and read as growth.
     */
    public static String classHistogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /**
     * Live instances per class in a {@link #classHistogram()}. Counts, unlike bytes, do not move when a histogram's
     * array grows to a wider range or the collector leaves filler behind: an object kept per request shows as a count
     * that grows with the requests.
     */
    public static Map<String, Long> liveInstances(String histogram) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : histogram.lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":") && parts[1].chars().allMatch(Character::isDigit)) {
                counts.merge(parts[3], Long.parseLong(parts[1]), Long::sum);
            }
        }
        return counts;
    }
}
