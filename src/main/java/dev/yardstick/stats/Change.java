package dev.yardstick.stats;

/**
 * How one figure moved from a baseline to a new run, both in {@code quantity.unit()}.
 */
public record Change(Quantity quantity, double baseline, double current) {

    /** current − baseline. */
    public double absolute() {
        return current - baseline;
    }

    /**
     * (current − baseline) / baseline in percent; ±∞ when the baseline is 0 and the figure moved, NaN when either
     * side is undefined.
     */
    public double relativePercent() {
        if (Double.isNaN(baseline) || Double.isNaN(current)) {
            return Double.NaN;
        }
        if (baseline == 0) {
            return current == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, current);
        }
        return 100 * (current - baseline) / Math.abs(baseline);
    }

    /** The relative change in the bad direction: positive when worse (latency up, throughput down). */
    public double worsePercent() {
        double relative = relativePercent();
        return quantity.higherIsBetter() ? -relative : relative;
    }

    /** True when the figure got worse by more than {@code allowancePercent}; undefined figures never are. */
    public boolean worseBeyond(double allowancePercent) {
        return worsePercent() > allowancePercent;
    }

    /** {@code p95(ttft): 800 ms → 912 ms (+14%)}. */
    public String describe() {
        return quantity.label() + ": " + quantity.format(baseline) + " → " + quantity.format(current) + " ("
                + Numbers.signedPercent(relativePercent()) + ")";
    }
}
