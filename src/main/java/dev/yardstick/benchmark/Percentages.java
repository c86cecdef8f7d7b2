package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;

/** Shares users type with their sign: {@code 1%}, {@code 10%}. */
public final class Percentages {

    private Percentages() {
    }

    /** The percentage as a number ({@code 10%} → 10); null or blank stays null. */
    public static Double parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (!t.endsWith("%")) {
            throw new InputException(what + " '" + text + "' needs a % sign (e.g. 10%)");
        }
        try {
            double percent = Double.parseDouble(t.substring(0, t.length() - 1).trim());
            if (!(percent >= 0) || percent > 1000) {
                throw new InputException(what + " '" + text + "' is outside 0%..1000%");
            }
            return percent;
        } catch (NumberFormatException e) {
            throw new InputException("malformed " + what + " '" + text + "' (expected e.g. 10%)");
        }
    }
}
