package dev.yardstick.stats;

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
}
