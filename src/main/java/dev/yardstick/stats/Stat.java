package dev.yardstick.stats;

import dev.yardstick.config.InputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** A figure read off a {@link MetricSummary}, named as users type it: {@code p95}, {@code mean}, ... */
public enum Stat {
    P50("p50", 0.50, MetricSummary::p50),
    P90("p90", 0.90, MetricSummary::p90),
    P95("p95", 0.95, MetricSummary::p95),
    P99("p99", 0.99, MetricSummary::p99),
    P999("p99.9", 0.999, MetricSummary::p999),
    MEAN("mean", Double.NaN, MetricSummary::mean),
    STDDEV("stddev", Double.NaN, MetricSummary::stddev),
    MIN("min", Double.NaN, MetricSummary::min),
    MAX("max", Double.NaN, MetricSummary::max);

    private final String label;
    private final double quantile;
    private final ToDoubleFunction<MetricSummary> read;

    Stat(String label, double quantile, ToDoubleFunction<MetricSummary> read) {
        this.label = label;
        this.quantile = quantile;
        this.read = read;
    }

    public String label() {
        return label;
    }

    /** The quantile (0..1) of a percentile; NaN for the other figures. */
    public double quantile() {
        return quantile;
    }

    /** True for p50 … p99.9. */
    public boolean isPercentile() {
        return !Double.isNaN(quantile);
    }

    public double of(MetricSummary summary) {
        return read.applyAsDouble(summary);
    }

    /**
     * True when, with {@code count} values, this percentile is the largest value: its rank ⌈q·n⌉ is n, i.e.
     * n &lt; 1/(1 − q). A p99 of fewer than 100 values is the max and should be reported as such.
     */
    public boolean isMaxFor(long count) {
        return !Double.isNaN(quantile) && count > 0 && Math.ceil(quantile * count) >= count;
    }

    public static Stat fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("p999")) {
            return P999;
        }
        for (Stat s : values()) {
            if (s.label.equals(wanted)) {
                return s;
            }
        }
        throw new InputException("unknown statistic '" + text + "' (use "
                + Arrays.stream(values()).map(Stat::label).collect(Collectors.joining(", ")) + ")");
    }
}
