package dev.yardstick.stats;

/** A closed interval of values, e.g. a median's 95% confidence interval. */
public record Interval(double low, double high) {

    /** True when the two intervals share no value; undefined (NaN) intervals never count as apart. */
    public boolean apartFrom(Interval other) {
        return high < other.low || other.high < low;
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    public double width() {
        return high - low;
    }
}
