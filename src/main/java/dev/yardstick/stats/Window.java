package dev.yardstick.stats;

import java.util.List;

/**
 * The measurement window, in microseconds since the Unix epoch: from the first counted request's scheduled start
 * to the last counted request's end (scheduled start + E2E). Warm-up requests are outside it; failed requests are
 * inside it. Epoch time, not run-relative time, so shards run on several machines merge into one window (their
 * clocks must agree to well under the window's length, e.g. NTP).
 */
public record Window(long startEpochMicros, long endEpochMicros) {

    /** No request was counted. */
    public static final Window NONE = new Window(0, 0);

    public Window {
        if (endEpochMicros < startEpochMicros) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    public double seconds() {
        return (endEpochMicros - startEpochMicros) / 1e6;
    }

    /** The smallest window covering both; {@link #NONE} is the identity. */
    public Window union(Window other) {
        if (this.equals(NONE)) {
            return other;
        }
        if (other.equals(NONE)) {
            return this;
        }
        return new Window(Math.min(startEpochMicros, other.startEpochMicros),
                Math.max(endEpochMicros, other.endEpochMicros));
    }

    /**
     * How much of the shortest window lies in the part every window shares, 0 to 1: 1 when the windows ran at the
     * same time (the shortest inside all the others), 0 when two of them share no moment. Windows of nothing
     * counted ({@link #NONE}) are left out; with fewer than two left the share is 1 (nothing ran apart).
     */
    public static double commonShare(List<Window> windows) {
        List<Window> counted = windows.stream().filter(w -> !w.equals(NONE)).toList();
        if (counted.size() < 2) {
            return 1;
        }
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        long shortest = Long.MAX_VALUE;
        for (Window w : counted) {
            start = Math.max(start, w.startEpochMicros);
            end = Math.min(end, w.endEpochMicros);
            shortest = Math.min(shortest, w.endEpochMicros - w.startEpochMicros);
        }
        if (end < start) {
            return 0;
        }
        // Instant windows (one request of no length) that touch share all of their zero length.
        return shortest == 0 ? 1 : (double) (end - start) / shortest;
    }
}
