package dev.yardstick.stats;

import org.HdrHistogram.AbstractHistogram;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param ci95          every reported percentile's 95% confidence interval, by label ({@code p50} … {@code p99.9}):
 *                      distribution-free order-statistic intervals ({@link PercentileIntervals}); an end the sample
 *                      cannot give is NaN (p99 of fewer than 368 values has no upper end); null in reports written
 *                      before it existed
 */
public record MetricSummary(Metric metric, String unit, String formula, long count, double min, double max,
                            double mean, double stddev, double p50, double p90, double p95, double p99, double p999,
                            double medianCiLow, double medianCiHigh, boolean lowSample, String histogram,
                            Map<String, Interval> ci95) {

    public static final int LOW_SAMPLE = 30;

    /** The percentiles every summary reports, with their intervals. */
    static final List<Stat> PERCENTILES = List.of(Stat.P50, Stat.P90, Stat.P95, Stat.P99, Stat.P999);

    public MetricSummary {
        ci95 = ci95 == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(ci95));
    }

    /** A summary without its percentiles' intervals (a report written before they existed). */
    public MetricSummary(Metric metric, String unit, String formula, long count, double min, double max, double mean,
                         double stddev, double p50, double p90, double p95, double p99, double p999,
                         double medianCiLow, double medianCiHigh, boolean lowSample, String histogram) {
        this(metric, unit, formula, count, min, max, mean, stddev, p50, p90, p95, p99, p999, medianCiLow,
                medianCiHigh, lowSample, histogram, null);
    }

    /**
     * Summarizes a histogram of recorded units. Every percentile's 95% interval, the median's included, is
     * distribution-free: the order statistics whose ranks bracket the percentile by the exact binomial
     * ({@link PercentileIntervals}), read from the histogram at the precision of the percentiles and rounded
     * outwards.
     */
    public static MetricSummary of(Metric metric, String formula, AbstractHistogram h) {
        return of(metric, formula, h, h.getTotalCount());
    }

    /**
     * As {@link #of(Metric, String, AbstractHistogram)}, the intervals counting only {@code independent} values
     * ({@link PercentileIntervals#of(Metric, AbstractHistogram, double, double, long)}).
     */
    static MetricSummary of(Metric metric, String formula, AbstractHistogram h, long independent) {
        long n = h.getTotalCount();
        String encoded = HistogramCodec.encode(h);
        Map<String, Interval> intervals = new LinkedHashMap<>();
        for (Stat stat : PERCENTILES) {
            intervals.put(stat.label(), PercentileIntervals.of(metric, h, stat.quantile(),
                    PercentileIntervals.STORED_CONFIDENCE, independent));
        }
        if (n == 0) {
            double nan = Double.NaN;
            return new MetricSummary(metric, metric.unit(), formula, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                    nan, nan, true, encoded, intervals);
        }
        Interval median = intervals.get(Stat.P50.label());
        return new MetricSummary(metric, metric.unit(), formula, n,
                metric.fromRecorded(h.getMinValue()), metric.fromRecorded(h.getMaxValue()),
                metric.fromRecorded(h.getMean()), metric.fromRecorded(h.getStdDeviation()),
                at(metric, h, 50), at(metric, h, 90), at(metric, h, 95), at(metric, h, 99), at(metric, h, 99.9),
                median.low(), median.high(), n < LOW_SAMPLE, encoded, intervals);
    }

    private static double at(Metric metric, AbstractHistogram h, double percentile) {
        return metric.fromRecorded(h.getValueAtPercentile(percentile));
    }

    /**
     * This summary with its intervals counting one value per request ({@link PercentileIntervals#independentValues}):
     * itself unless its values come several per request.
     */
    MetricSummary withIndependentValues(long requests) {
        long independent = PercentileIntervals.independentValues(metric, count, requests);
        if (independent >= count || histogram == null || histogram.isEmpty()) {
            return this;
        }
        return of(metric, formula, HistogramCodec.decode(histogram), independent);
    }

    /** The median's 95% confidence interval. */
    public Interval medianCi() {
        return new Interval(medianCiLow, medianCiHigh);
    }
}
