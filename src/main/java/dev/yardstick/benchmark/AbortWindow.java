package dev.yardstick.benchmark;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import java.time.Duration;

/**
 * The sliding window {@code --abort-if} is judged on: the requests that ended in the last {@code time}, or the last
 * {@code requests} requests. Exactly one of the two is set.
 */
public record AbortWindow(Duration time, Integer requests) {

    public static final AbortWindow DEFAULT = new AbortWindow(Duration.ofSeconds(30), null);

    public AbortWindow {
        if ((time == null) == (requests == null)) {
            throw new IllegalArgumentException("an abort window is a time or a count, one of them");
        }
    }

    /** {@code 30s} (a time) or {@code 200} (the last 200 requests). */
    public static AbortWindow parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.matches("\\d{1,9}")) {
            int n = Integer.parseInt(t);
            if (n < 1) {
                throw new InputException("--abort-window must hold at least 1 request, got " + t);
            }
            return new AbortWindow(null, n);
        }
        Duration time = Durations.parse(t);
        if (time.isZero()) {
            throw new InputException("--abort-window must be longer than 0");
        }
        return new AbortWindow(time, null);
    }

    /** {@code last 30s} or {@code last 200 requests}. */
    public String text() {
        return time != null ? "last " + Durations.format(time) : "last " + requests + " requests";
    }
}
