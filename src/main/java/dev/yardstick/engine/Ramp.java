package dev.yardstick.engine;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop rate that changes linearly from {@code fromRate} to {@code toRate} over {@code over}, then holds
 * {@code toRate}. Arrival times come from the integrated rate Λ(t) = r0·t + (r1 − r0)·t² / (2D): the n-th arrival
 * is where Λ reaches the n-th point of a unit-rate process (n itself for constant spacing, a sum of unit
 * exponentials for Poisson), so a ramp is the same schedule as a fixed rate with time stretched, and its Poisson
 * arrivals are a true inhomogeneous Poisson process.
 */
public record Ramp(double fromRate, double toRate, Duration over) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*([0-9.]+)\\s*(?:→|->)\\s*([0-9.]+)\\s*(?:/s)?\\s+over\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);

    public Ramp {
        if (!(fromRate >= 0) || Double.isInfinite(fromRate)) {
            throw new IllegalArgumentException("a ramp's start rate must be 0 or more");
        }
        if (!(toRate > 0) || Double.isInfinite(toRate)) {
            throw new IllegalArgumentException("a ramp's end rate must be positive");
        }
        if (over == null || over.isNegative() || over.isZero()) {
            throw new IllegalArgumentException("a ramp's length must be positive");
        }
    }

    /** {@code 0→50/s over 2m}, also written {@code 0->50/s over 2m} or {@code 0->50 over 120s}. */
    public static Ramp parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InputException("malformed ramp '" + text + "' (expected FROM→TO/s over DURATION, e.g."
                    + " '0->50/s over 2m')");
        }
        double from;
        double to;
        try {
            from = Double.parseDouble(m.group(1));
            to = Double.parseDouble(m.group(2));
        } catch (NumberFormatException e) {
            throw new InputException("malformed ramp '" + text + "': rates must be numbers");
        }
        if (!(to > 0)) {
            throw new InputException("ramp '" + text + "': the rate it ramps to must be more than 0");
        }
        Duration over = Durations.parse(m.group(3));
        if (over.isZero()) {
            throw new InputException("ramp '" + text + "': its length must be more than 0");
        }
        return new Ramp(from, to, over);
    }

    /** The rate at {@code seconds} from the start. */
    public double rateAt(double seconds) {
        double d = seconds();
        return seconds >= d ? toRate : fromRate + (toRate - fromRate) * Math.max(0, seconds) / d;
    }

    /** This ramp with both rates multiplied by {@code share} (a shard's part). */
    public Ramp scaled(double share) {
        return new Ramp(fromRate * share, toRate * share, over);
    }

    /**
     * The time, in seconds from the start, at which Λ reaches {@code expected} arrivals. Written as 2s / (r0 + √(r0²
     * + 2ks)) rather than the textbook root, which cancels badly when the slope k is small and divides by zero when
     * it is 0.
     */
    double secondsAt(double expected) {
        if (expected <= 0) {
            return 0;
        }
        double d = seconds();
        double slope = (toRate - fromRate) / d;
        double atEnd = (fromRate + toRate) * d / 2;
        if (expected >= atEnd) {
            return d + (expected - atEnd) / toRate;
        }
        return 2 * expected / (fromRate + Math.sqrt(fromRate * fromRate + 2 * slope * expected));
    }

    private double seconds() {
        return over.toNanos() / 1e9;
    }

    /** {@code 0→50/s over 2m}. */
    public String text() {
        long nanos = over.toNanos();
        return number(fromRate) + "→" + number(toRate) + "/s over "
                + (nanos % 1_000_000_000L == 0 ? nanos / 1_000_000_000L + "s" : Durations.format(over));
    }

    private static String number(double rate) {
        return rate == Math.rint(rate) && rate < 1e15 ? Long.toString((long) rate)
                : String.format(Locale.ROOT, "%s", rate);
    }
}
