package dev.yardstick.stats;

import dev.yardstick.config.InputException;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CI gate's failure condition: {@code p95(ttft) > 800ms}, {@code p99(e2e) > 5s}, {@code error_rate > 1%},
 * {@code throughput < 10} (req/s), {@code goodput < 5}, {@code p50(output_rate) < 20}. The gate fails when the
 * condition holds. Latency limits need a unit; rates are plain numbers (their unit may follow); error rates take a
 * percent sign.
 *
 * @param text      what the user wrote, trimmed
 * @param quantity  the figure judged
 * @param operator  the comparison that means failure
 * @param limit     the limit in {@code quantity.unit()}
 */
public record Threshold(String text, Quantity quantity, Operator operator, double limit) {

    private static final Pattern FORM = Pattern.compile("\\s*([^<>=]+?)\\s*(<=|>=|<|>)\\s*(\\S.*?)\\s*");

    public Threshold {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(operator, "operator");
    }

    /** The comparisons a gate can use. */
    public enum Operator {
        GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double value, double limit) {
            return switch (this) {
                case GREATER -> value > limit;
                case GREATER_OR_EQUAL -> value >= limit;
                case LESS -> value < limit;
                case LESS_OR_EQUAL -> value <= limit;
            };
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** Parses a gate; bad text → one-line InputException naming the gate. */
    public static Threshold parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InputException("empty gate (expected e.g. 'p95(ttft) > 800ms' or 'error_rate > 1%')");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InputException("malformed gate '" + text.trim() + "' (expected FIGURE OP LIMIT, e.g."
                    + " 'p95(ttft) > 800ms', 'throughput < 10', 'error_rate > 1%')");
        }
        try {
            Quantity quantity = Quantity.parse(m.group(1));
            return new Threshold(text.trim(), quantity, Operator.of(m.group(2)), quantity.parseLimit(m.group(3)));
        } catch (InputException e) {
            throw new InputException("gate '" + text.trim() + "': " + e.getMessage());
        }
    }

    /**
     * Judges one model's stats. A figure with no value (e.g. TTFT when every request failed) fails the gate: a gate
     * that cannot be checked must not pass silently.
     */
    public Verdict evaluate(ModelStats stats) {
        double value = quantity.valueOf(stats);
        String limitText = quantity.format(limit);
        if (Double.isNaN(value)) {
            return new Verdict(this, stats.model(), value, true,
                    quantity.label() + " has no value (nothing to measure), so the gate fails: "
                            + operator.symbol + " " + limitText);
        }
        boolean failed = operator.holds(value, limit);
        String message = quantity.label() + " = " + quantity.format(value)
                + (failed ? " " : ", not ") + operator.symbol + " " + limitText + fewValuesNote(stats);
        return new Verdict(this, stats.model(), value, failed, message);
    }

    /** With too few values a high percentile is the max: say so, as the report must. */
    private String fewValuesNote(ModelStats stats) {
        if (quantity instanceof MetricStat ms) {
            long count = stats.metric(ms.metric()).count();
            if (ms.stat().isMaxFor(count)) {
                return " (only " + count + " values: " + ms.stat().label() + " is the max)";
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return text;
    }
}
