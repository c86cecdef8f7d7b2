package dev.yardstick.stats;

import java.util.Locale;

/**
 * A single figure of a {@link ModelStats} that gates and diffs talk about, named as users type it:
 * {@code p95(ttft)}, {@code mean(e2e)}, {@code throughput}, {@code error_rate}, ...
 */
public sealed interface Quantity permits MetricStat, Rate {

    /** How users write it: {@code p95(ttft)}, {@code goodput}. */
    String label();

    /** The display unit of its values. */
    String unit();

    /** True for rates (a drop is worse), false for latencies and error rates (a rise is worse). */
    boolean higherIsBetter();

    /** Its value in {@code stats}, in {@link #unit()}; NaN when undefined. */
    double valueOf(ModelStats stats);

    /** A value with its unit: {@code 912 ms}, {@code 12.3 req/s}, {@code 2.5%}. */
    default String format(double value) {
        return Numbers.format(value) + " " + unit();
    }

    /** Parses a limit the user typed for this quantity into {@link #unit()}. */
    default double parseLimit(String text) {
        return Numbers.parse(text, unit(), label());
    }

    /** Parses {@code p95(ttft)}, {@code max(e2e)}, {@code throughput}, {@code output_tps}, ... */
    static Quantity parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        Quantity stat = MetricStat.parseOrNull(wanted);
        return stat != null ? stat : Rate.fromLabel(wanted);
    }
}
