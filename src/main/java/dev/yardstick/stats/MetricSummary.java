package dev.yardstick.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One metric's distribution for one model, every figure in {@code unit}. All figures come from the HdrHistogram
 * (3 significant digits), so a merged histogram gives exactly the figures a single run would.
 *
 * @param metric        which metric
 * @param unit          the display unit ({@code ms} or {@code tokens/s})
 * @param formula       the definition, printed beside the numbers
 * @param count         values recorded; NaN figures when 0
 * @param medianCiLow   lower end of a 95% confidence interval for the median (order statistics, see
 *                      {@link #of})
 * @param medianCiHigh  upper end of that interval
 * @param lowSample     fewer than {@value #LOW_SAMPLE} values: high percentiles are really the max, say so
 * @param histogram     the histogram, HdrHistogram compressed + base64 ({@link HistogramCodec}); values are
 *                      {@link Metric#fromRecorded recorded units} (µs, milli-tokens/s)
 */
public record MetricSummary(Metric metric, String unit, String formula, long count, double min, double max,
                            double mean, double stddev, double p50, double p90, double p95, double p99, double p999,
                            double medianCiLow, double medianCiHigh, boolean lowSample, String histogram) {

    public static final int LOW_SAMPLE = 30;

    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.96;

    /**
     * Summarizes a histogram of recorded units. The median's 95% interval is distribution-free: the order
     * statistics at ranks n/2 ± 1.96·√n/2 (the normal approximation to the binomial count of values below the
     * median), rounded outwards and read from the histogram at the same precision as the percentiles.
     */
    public static MetricSummary of(Metric metric, String formula, AbstractHistogram h) {
        long n = h.getTotalCount();
        String encoded = HistogramCodec.encode(h);
        if (n == 0) {
            double nan = Double.NaN;
            return new MetricSummary(metric, metric.unit(), formula, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                    nan, nan, true, encoded);
        }
        double halfWidth = Z95 * Math.sqrt(n) / 2;
        long lowRank = Math.max(1, (long) Math.floor(n / 2.0 - halfWidth));
        long highRank = Math.min(n, (long) Math.ceil(n / 2.0 + halfWidth));
        return new MetricSummary(metric, metric.unit(), formula, n,
                metric.fromRecorded(h.getMinValue()), metric.fromRecorded(h.getMaxValue()),
                metric.fromRecorded(h.getMean()), metric.fromRecorded(h.getStdDeviation()),
                at(metric, h, 50), at(metric, h, 90), at(metric, h, 95), at(metric, h, 99), at(metric, h, 99.9),
                metric.fromRecorded(valueAtRank(h, lowRank)), metric.fromRecorded(valueAtRank(h, highRank)),
                n < LOW_SAMPLE, encoded);
    }

    private static double at(Metric metric, AbstractHistogram h, double percentile) {
        return metric.fromRecorded(h.getValueAtPercentile(percentile));
    }

    /** The rank-th smallest value (1-based), reported like the percentiles: its bucket's highest equivalent. */
    static long valueAtRank(AbstractHistogram h, long rank) {
        long seen = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAddedInThisIterationStep();
            if (seen >= rank) {
                return h.highestEquivalentValue(v.getValueIteratedTo());
            }
        }
        return h.getMaxValue();
    }

    /** The median's 95% confidence interval. */
    public Interval medianCi() {
        return new Interval(medianCiLow, medianCiHigh);
    }
}
