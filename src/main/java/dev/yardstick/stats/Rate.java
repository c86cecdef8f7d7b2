package dev.yardstick.stats;

import dev.yardstick.config.InputException;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * A model's whole-run figures: {@code throughput}, {@code output_tps}, {@code goodput}, {@code error_rate},
 * {@code slo_attainment}. Shares ({@code %}) are fractions in {@link ModelStats}, percentages here, and limits for
 * them are typed with the sign: {@code 1%}.
 */
public enum Rate implements Quantity {
    THROUGHPUT("throughput", "req/s", true, ModelStats::requestThroughput),
    OUTPUT_TPS("output_tps", "tokens/s", true, ModelStats::outputTokensPerSecond),
    GOODPUT("goodput", "req/s", true, ModelStats::goodput),
    ERROR_RATE("error_rate", "%", false, stats -> stats.errorRate() * 100),
    SLO_ATTAINMENT("slo_attainment", "%", true, stats -> stats.sloAttainment() * 100);

    private static final String PERCENT = "%";

    private final String label;
    private final String unit;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<ModelStats> read;

    Rate(String label, String unit, boolean higherIsBetter, ToDoubleFunction<ModelStats> read) {
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.read = read;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    @Override
    public double valueOf(ModelStats stats) {
        return read.applyAsDouble(stats);
    }

    @Override
    public String format(double value) {
        return unit.equals(PERCENT) ? Numbers.format(value) + PERCENT : Quantity.super.format(value);
    }

    @Override
    public double parseLimit(String text) {
        if (!unit.equals(PERCENT)) {
            return Quantity.super.parseLimit(text);
        }
        if (!text.trim().endsWith(PERCENT)) {
            throw new InputException("limit '" + text + "' for " + label + " needs a % sign (e.g. 1%)");
        }
        double percent = Quantity.super.parseLimit(text);
        if (percent < 0 || percent > 100) {
            throw new InputException("limit '" + text + "' for " + label + " is outside 0%..100%");
        }
        return percent;
    }

    static Rate fromLabel(String text) {
        for (Rate r : values()) {
            if (r.label.equals(text)) {
                return r;
            }
        }
        throw new InputException("unknown figure '" + text + "' (use " + Arrays.stream(values()).map(Rate::label)
                .collect(Collectors.joining(", ")) + ", or a statistic of a metric such as p95(ttft); metrics: "
                + Metric.keys() + ")");
    }
}
