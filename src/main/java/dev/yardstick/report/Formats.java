package dev.yardstick.report;

import java.util.Locale;

/** Number formatting shared by the documents: fixed, locale-independent, with units. */
public final class Formats {

    private Formats() {
    }

    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
    }

    public static String usd(Double usd) {
        if (usd == null) {
            return "–";
        }
        if (usd == 0) {
            return "$0";
        }
        return usd < 0.01 ? String.format(Locale.ROOT, "$%.6f", usd) : String.format(Locale.ROOT, "$%.4f", usd);
    }

    public static String number(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A figure in a grid cell, unit-less: as many decimals as its size needs (0 from 100, 1 from 10, else 2). */
    public static String figure(double value) {
        return number(value, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** The first line of a text, cut to {@code max} characters. */
    public static String excerpt(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
