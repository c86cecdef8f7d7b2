package dev.yardstick.watch;

/**
 * What Yardstick itself used while it measured a step: the process's CPU time over the step's wall time, its peak
 * memory, and its scheduling lag. In-process models (local, mock) run inside the client, so their work counts here.
 *
 * @param wallSeconds          the step's wall time, warm-up included
 * @param cores                the processors the JVM may use
 * @param cpuPercentOfCore     process CPU time / wall time, in percent of one core (200 = two cores busy); NaN
 *                             when the platform does not tell
 * @param requests             requests that ended in the step, warm-up included
 * @param cpuMicrosPerRequest  process CPU time / requests, µs; NaN without requests
 * @param heapPeakBytes        the most heap in use, sampled at every lag-probe wake-up (10 ms) and at the end
 * @param rssPeakBytes         the resident set's high-water mark (VmHWM), null where /proc is not readable
 * @param rssPeakScope         {@code watched} when the mark was reset as the watch began (the step's or the run's
 *                             own peak), {@code process} when it is the process's peak since it started
 * @param lag                  the scheduling-lag probe's findings
 * @param warning              why the client was saturated, null when it was not
 */
public record ClientUsage(double wallSeconds, int cores, double cpuPercentOfCore, long requests,
                          double cpuMicrosPerRequest, long heapPeakBytes, Long rssPeakBytes, String rssPeakScope,
                          Lag lag, String warning) {

    public boolean saturated() {
        return warning != null;
    }

    /** One line for a report: CPU, memory and lag. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(Double.isNaN(cpuPercentOfCore) ? "CPU unknown" : String.format(java.util.Locale.ROOT,
                "CPU %.0f%% of a core (%d cores)", cpuPercentOfCore, cores));
        if (!Double.isNaN(cpuMicrosPerRequest)) {
            line.append(String.format(java.util.Locale.ROOT, ", %.0f µs per request", cpuMicrosPerRequest));
        }
        line.append(", heap peak ").append(mb(heapPeakBytes));
        if (rssPeakBytes != null) {
            line.append(", RSS peak ").append(mb(rssPeakBytes))
                    .append("process".equals(rssPeakScope) ? " (since the process started)" : "");
        }
        if (lag != null && lag.wakeups() > 0) {
            line.append(String.format(java.util.Locale.ROOT, ", scheduling lag p50 %.2f ms, p99 %.2f ms, max %.1f ms,"
                    + " behind %.1f%% of the time", lag.p50Ms(), lag.p99Ms(), lag.maxMs(), lag.behindPercent()));
        }
        return line.toString();
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
