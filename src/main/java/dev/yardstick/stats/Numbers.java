package dev.yardstick.stats;

import dev.yardstick.config.InputException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Figures as people read them in messages: 912, 12.3, 0.853; no false precision, no trailing zeros. */
final class Numbers {

    private Numbers() {
    }

    /** Whole numbers from 100 up, three significant digits below; {@code n/a} for NaN. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (Math.abs(value) >= 100) {
            return Long.toString(Math.round(value));
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

    /** A signed percentage: {@code +14%}, {@code -3.2%}. */
    static String signedPercent(double percent) {
        String text = format(percent);
        return (percent > 0 ? "+" : "") + text + "%";
    }

    /** A number the user typed as a limit for {@code label}, optionally followed by its unit: {@code 10 req/s}. */
    static double parse(String text, String unit, String label) {
        String number = text.trim();
        if (number.toLowerCase(Locale.ROOT).endsWith(unit)) {
            number = number.substring(0, number.length() - unit.length()).trim();
        }
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new InputException("malformed limit '" + text + "' for " + label + " (expected a number of "
                    + unit + ")");
        }
    }
}
