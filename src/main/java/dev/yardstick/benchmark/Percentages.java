package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;
import java.util.Locale;

/** Percentages as users type them and read them back, with their sign: {@code 1%}, {@code 10%}, {@code 2.5%}. */
public final class Percentages {

    private Percentages() {
    }

    /** The percentage as a number ({@code 10%} → 10); null or blank stays null. */
    public static Double parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (!t.endsWith("%")) {
            throw new InputException("'" + text + "' needs a % sign (e.g. 10%)");
        }
        try {
            double percent = Double.parseDouble(t.substring(0, t.length() - 1).trim());
            if (!(percent >= 0) || percent > 1000) {
                throw new InputException("'" + text + "' is outside 0%..1000%");
            }
            return percent;
        } catch (NumberFormatException e) {
            throw new InputException("malformed percentage '" + text + "' (expected e.g. 10%)");
        }
    }

    /** A percentage as {@link #parse} reads it: {@code 10%}, {@code 2.5%}, {@code ∞%}. */
    public static String format(double percent) {
        if (Double.isInfinite(percent)) {
            return percent > 0 ? "∞%" : "-∞%";
        }
        return (percent == Math.rint(percent) ? String.format(Locale.ROOT, "%.0f", percent)
                : String.format(Locale.ROOT, "%.1f", percent)) + "%";
    }
}
