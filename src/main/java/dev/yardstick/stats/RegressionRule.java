package dev.yardstick.stats;

import dev.yardstick.config.InputException;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How the regression gate judges a figure.
 *
 * @param maxRegressionPercent  how much worse a figure may get, in percent
 * @param confidence            the confidence (0..1) a change must be significant at to count
 * @param gateUnsupported       judge percentiles their sample count cannot bound on their change alone, instead
 *                              of reporting them as too few samples
 */
public record RegressionRule(double maxRegressionPercent, double confidence, boolean gateUnsupported) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    public RegressionRule {
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new InputException("confidence " + confidenceText(confidence) + " is outside 50%..99.99%");
        }
    }

    /** {@code 95%}, {@code 99.5%}. */
    public static String confidenceText(double confidence) {
        return new BigDecimal(confidence * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString() + "%";
    }

    /** Parses {@code --confidence} ({@code 95%}, or a fraction {@code 0.95}); null gives the default. */
    public static double parseConfidence(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_CONFIDENCE;
        }
        String t = text.trim();
        boolean percent = t.endsWith("%");
        double value;
        try {
            value = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
        } catch (NumberFormatException e) {
            throw new InputException("malformed confidence '" + text + "' (expected e.g. 95%)");
        }
        double fraction = percent ? value / 100 : value;
        if (!(fraction >= 0.5 && fraction <= 0.9999)) {
            throw new InputException("confidence '" + text + "' is outside 50%..99.99%");
        }
        return fraction;
    }
}
