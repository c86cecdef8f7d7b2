package dev.yardstick.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Distribution-free confidence intervals of percentiles, read off a histogram's counts.
 *
 * <p>Of n independent values, the number B that lie below the true q-quantile is Binomial(n, q), whatever the
 * distribution. So the interval between the l-th and u-th smallest values covers the quantile with probability
 * P(l ≤ B &lt; u). For a two-sided interval at confidence c, l is the largest rank with P(B &lt; l) ≤ (1 − c)/2 and u
 * the smallest with P(B ≥ u) ≤ (1 − c)/2 (exact binomial, never the normal approximation). When no such rank exists
 * (l &lt; 1 or u &gt; n: p99 of fewer than 368 values at 95%) the sample cannot bound the percentile on that side and
 * the end is NaN: the percentile is {@link Interval#bounded() unsupported}.
 *
 * <p>The ends are rounded outwards to the histogram's precision (3 significant digits), so the interval always
 * holds the percentile as reported.
 */
public final class PercentileIntervals {

    /** The confidence of the intervals every report stores ({@link MetricSummary#ci95()}). */
    public static final double STORED_CONFIDENCE = 0.95;

    private PercentileIntervals() {
    }

    /** The 1-based ranks {l, u} of the order statistics bracketing the {@code quantile}; 0 or n+1 where none does. */
    static long[] ranks(long n, double quantile, double confidence) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many values for an exact binomial: " + n);
        }
        double tail = (1 - confidence) / 2;
        BinomialDistribution below = new BinomialDistribution(null, (int) n, quantile);
        int k = below.inverseCumulativeProbability(tail);
        long lastBelow = below.cumulativeProbability(k) <= tail ? k : k - 1;
        long upper = (long) below.inverseCumulativeProbability(1 - tail) + 1;
        return new long[] {lastBelow + 1, upper};
    }

    /**
     * The interval of the {@code quantile} (0..1) of histogram {@code h} (values in recorded units), in display
     * units of {@code metric}; NaN ends where the sample cannot bound it, both NaN for an empty histogram.
     */
    public static Interval of(Metric metric, AbstractHistogram h, double quantile, double confidence) {
        return of(metric, h, quantile, confidence, h.getTotalCount());
    }

    /**
     * As {@link #of(Metric, AbstractHistogram, double, double)} for values that are not all independent: the ranks
     * are those of {@code independent} values, carried over to the histogram's count in proportion and rounded
     * outwards. Inter-token gaps come several per request, and the gaps of one request move together (a stall
     * delays them all), so their intervals count requests, not gaps ({@link #independentValues}).
     */
    static Interval of(Metric metric, AbstractHistogram h, double quantile, double confidence, long independent) {
        long n = h.getTotalCount();
        if (n == 0) {
            return Interval.UNDEFINED;
        }
        long m = Math.max(1, Math.min(n, independent));
        long[] ranks = ranks(m, quantile, confidence);
        double low = ranks[0] < 1 ? Double.NaN : metric.fromRecorded(h.lowestEquivalentValue(valueAtRank(h,
                Math.max(1, (long) Math.floor(ranks[0] * (double) n / m)))));
        double high = ranks[1] > m ? Double.NaN : metric.fromRecorded(h.highestEquivalentValue(valueAtRank(h,
                Math.min(n, (long) Math.ceil(ranks[1] * (double) n / m)))));
        return new Interval(low, high);
    }

    /** How many of a distribution's {@code count} values are independent: one per request where it gives several. */
    static long independentValues(Metric metric, long count, long requests) {
        return metric.severalPerRequest() && requests > 0 ? Math.min(count, requests) : count;
    }

    /** The rank-th smallest value (1-based) as the histogram holds it. */
    private static long valueAtRank(AbstractHistogram h, long rank) {
        long seen = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAddedInThisIterationStep();
            if (seen >= rank) {
                return v.getValueIteratedTo();
            }
        }
        return h.getMaxValue();
    }
}
