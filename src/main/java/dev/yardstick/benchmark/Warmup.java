package dev.yardstick.benchmark;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import java.time.Duration;

/**
 * Unmeasured requests at the start of every step (connections, JIT, the server's caches): a number of requests
 * ({@code --warmup 20}) or a time ({@code --warmup 5s}). They run like the others and no statistic includes them.
 *
 * @param requests  warm-up requests per step (0 when the warm-up is a time)
 * @param time      warm-up time per step (zero when the warm-up is a count)
 */
public record Warmup(long requests, Duration time) {

    public static final Warmup NONE = new Warmup(0, Duration.ZERO);

    public Warmup {
        if (requests < 0 || time.isNegative()) {
            throw new InputException("warm-up cannot be negative");
        }
    }

    /** {@code 20} (requests) or {@code 5s} (a duration); null or blank is none. */
    public static Warmup parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.trim();
        if (t.matches("\\d+")) {
            try {
                return new Warmup(Long.parseLong(t), Duration.ZERO);
            } catch (NumberFormatException e) {
                throw new InputException("warm-up '" + text + "' is too large");
            }
        }
        if (!Durations.hasForm(t)) {
            throw new InputException("malformed warm-up '" + text + "' (expected a number of requests, e.g. 20, or a"
                    + " duration, e.g. 5s)");
        }
        try {
            return new Warmup(0, Durations.parse(t));
        } catch (InputException e) {
            throw new InputException("warm-up: " + e.getMessage()); // a duration of the right form, but too long
        }
    }

    public boolean timed() {
        return time.isPositive();
    }

    public boolean none() {
        return requests == 0 && !timed();
    }

    public String text() {
        if (timed()) {
            return Durations.format(time);
        }
        return requests + (requests == 1 ? " request" : " requests");
    }
}
