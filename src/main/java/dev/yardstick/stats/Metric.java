package dev.yardstick.stats;

import dev.yardstick.config.InputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The distributions Yardstick records per model, each with the definition it follows (GUIDE §1), so every report
 * can print the formula beside the number and a reader can line it up with any other tool.
 *
 * <p>Histograms hold integers: latencies in microseconds, rates in milli-tokens per second. Both are
 * {@value #SCALE}× the display unit, so {@link #fromRecorded} is one division for every metric.
 */
public enum Metric {
    E2E("e2e", "ms", false, "E2E: scheduled start → last content byte (successful requests)"),
    TTFT("ttft", "ms", false, "TTFT: scheduled start → first content chunk (successful requests)"),
    ITL("itl", "ms", false, "ITL: gap between consecutive content chunks, every gap of every successful request"),
    TPOT("tpot", "ms", false,
            "TPOT: per request (E2E − TTFT) / (output tokens − 1), undefined for 1-token outputs;"
                    + " a mean of per-request values, not total decode time / total tokens"),
    QUEUE("queue", "ms", false, "Queue: scheduled start → sent, the wait for a free slot (successful requests)"),
    OUTPUT_RATE("output_rate", "tokens/s", true,
            "Output rate: per request output tokens / (E2E − TTFT), undefined for 1-token outputs; requests whose"
                    + " content arrived in one burst after a stall are counted apart and left out");

    /** Histogram units per display unit: µs per ms, milli-tokens/s per token/s. */
    static final int SCALE = 1000;

    private final String key;
    private final String unit;
    private final boolean higherIsBetter;
    private final String formula;

    Metric(String key, String unit, boolean higherIsBetter, String formula) {
        this.key = key;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.formula = formula;
    }

    /** The short name users type in SLOs and gates: {@code ttft}, {@code e2e}, ... */
    public String key() {
        return key;
    }

    /** The display unit of every figure of this metric. */
    public String unit() {
        return unit;
    }

    /** True for rates (a drop is a regression), false for latencies (a rise is). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The definition as printed beside the numbers. */
    public String formula() {
        return formula;
    }

    /** Converts a histogram value (µs or milli-tokens/s) to the display unit. */
    public double fromRecorded(double recorded) {
        return recorded / SCALE;
    }

    /** Converts a value in the display unit to histogram units. */
    public double toRecorded(double display) {
        return display * SCALE;
    }

    public static Metric fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.key.equals(wanted)) {
                return m;
            }
        }
        throw new InputException("unknown metric '" + key + "' (use " + keys() + ")");
    }

    static String keys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }
}
