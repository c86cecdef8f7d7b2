package dev.yardstick.stats;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A statistic of one distribution: {@code p95(ttft)}. */
public record MetricStat(Stat stat, Metric metric) implements Quantity {

    private static final Pattern FORM = Pattern.compile("([a-z0-9.]+)\\s*\\(\\s*([a-z0-9_]+)\\s*\\)");

    /** {@code stat(metric)} in lower case, or null when the text has not that form. */
    static MetricStat parseOrNull(String text) {
        Matcher m = FORM.matcher(text);
        return m.matches() ? new MetricStat(Stat.fromLabel(m.group(1)), Metric.fromKey(m.group(2))) : null;
    }

    @Override
    public String label() {
        return stat.label() + "(" + metric.key() + ")";
    }

    @Override
    public String unit() {
        return metric.unit();
    }

    @Override
    public boolean higherIsBetter() {
        return metric.higherIsBetter();
    }

    @Override
    public double valueOf(ModelStats stats) {
        return stat.of(stats.metric(metric));
    }

    /** Latency limits need their unit ({@code 800ms}, {@code 5s}): a bare number is ambiguous. */
    @Override
    public double parseLimit(String text) {
        if (!metric.unit().equals("ms")) {
            return Quantity.super.parseLimit(text);
        }
        if (text.trim().matches("\\d+(\\.\\d+)?")) {
            throw new InputException("limit '" + text + "' for " + label() + " needs a unit (e.g. 800ms, 5s)");
        }
        return Durations.parse(text).toNanos() / 1e6;
    }
}
