package dev.yardstick.stats;

/**
 * A closed interval of values, e.g. a median's 95% confidence interval. An end the data cannot give (a percentile
 * too high for its sample count) is NaN.
 */
public record Interval(double low, double high) {

    /** No interval: the figure is undefined. */
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    /** True when the two intervals share no value; undefined (NaN) intervals never count as apart. */
    public boolean apartFrom(Interval other) {
        return high < other.low || other.high < low;
    }

    /** True when every value of this interval lies above every value of {@code other}; false for NaN ends. */
    public boolean above(Interval other) {
        return low > other.high;
    }

    /** True when both ends are known. */
    public boolean bounded() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    public double width() {
        return high - low;
    }
}
