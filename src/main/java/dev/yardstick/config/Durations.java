package dev.yardstick.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users type: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 5m}, {@code 1h}, {@code 250us}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|h)");

    /** The longest duration accepted: a month of load is past any benchmark, and far from overflowing a clock. */
    static final Duration MAX = Duration.ofDays(30);

    private Durations() {
    }

    /** As {@link #parse(String)}, for a flag: a mistake names it ({@code --timeout malformed duration ...}). */
    public static Duration parseFlag(String option, String text) {
        try {
            return parse(option, text);
        } catch (FieldException e) {
            throw e.asFlag();
        }
    }

    /** As {@link #parse(String)}, for a setting: a mistake is a {@link FieldException} naming it. */
    public static Duration parse(String field, String text) {
        try {
            return parse(text);
        } catch (InputException e) {
            throw new FieldException(field, e.getMessage());
        }
    }

    /** True when the text has a duration's form (whatever its size), e.g. for a setting that takes a count or a time. */
    public static boolean hasForm(String text) {
        return text != null && FORM.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
    }

    public static Duration parse(String text) {
        if (text == null) {
            throw new InputException("missing duration");
        }
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InputException("malformed duration '" + text + "' (expected e.g. 500ms, 30s, 5m, 1h)");
        }
        double value = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double nanos = value * nanosPerUnit;
        if (nanos > MAX.toNanos()) {
            throw new InputException("duration '" + text + "' is too long (at most " + MAX.toHours() + "h, "
                    + MAX.toDays() + " days)");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** A compact human form: {@code 850µs}, {@code 12.3ms}, {@code 1.25s}. */
    public static String format(Duration duration) {
        return formatNanos(duration.toNanos());
    }

    public static String formatNanos(double nanos) {
        if (nanos < 1e6) {
            return String.format(Locale.ROOT, "%.0fµs", nanos / 1e3);
        }
        if (nanos < 1e9) {
            return String.format(Locale.ROOT, nanos < 1e7 ? "%.2fms" : "%.1fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
}
