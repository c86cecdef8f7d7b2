package dev.yardstick.export.charts;

import dev.yardstick.stats.HistogramCodec;
import dev.yardstick.stats.MetricSummary;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.data.xy.XYSeries;

/**
 * One model's distribution of one metric, read back from the HdrHistogram its report keeps, as the series the
 * distribution charts draw. Values are converted to the metric's display unit.
 */
record Distribution(String name, MetricSummary summary, AbstractHistogram histogram) {

    /** Highest x of the percentile plot: 99.9999%, as far as HdrHistogram's own plotter goes. */
    static final double MAX_INVERSE_TAIL = 1_000_000;

    /** The distribution in a summary, or null when it has no value or no histogram (an older report). */
    static Distribution of(String name, MetricSummary summary) {
        if (summary == null || summary.count() == 0 || summary.histogram() == null || summary.histogram().isBlank()) {
            return null;
        }
        return new Distribution(name, summary, HistogramCodec.decode(summary.histogram()));
    }

    private double display(long recorded) {
        return summary.metric().fromRecorded(recorded);
    }

    /**
     * The cumulative distribution: the value at every half percent, then at the tail's percentiles and the max, so
     * the curve keeps its shape at any sample count in a bounded number of points.
     */
    XYSeries cdf() {
        XYSeries series = new XYSeries(name, false, true);
        series.add(display(histogram.getMinValue()), 0.0);
        for (int i = 1; i < 200; i++) {
            series.add(display(histogram.getValueAtPercentile(i / 2.0)), i / 2.0);
        }
        for (double p : new double[] {99.9, 99.99}) {
            series.add(display(histogram.getValueAtPercentile(p)), p);
        }
        series.add(display(histogram.getMaxValue()), 100.0);
        return series;
    }

    /**
     * The percentile plot as HdrHistogram's plotter draws it: x is log10(1 / (1 − p)), so 90%, 99% and 99.9% are
     * equally spaced (at 1, 2 and 3) and the tail gets the room it deserves. Stops where the sample count runs out.
     */
    XYSeries percentiles() {
        XYSeries series = new XYSeries(name, true, true);
        double limit = Math.min(MAX_INVERSE_TAIL, Math.max(10, histogram.getTotalCount()));
        for (HistogramIterationValue v : histogram.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100;
            if (p >= 1) {
                break;
            }
            double x = 1 / (1 - p);
            if (x > limit) {
                break;
            }
            series.addOrUpdate(Math.log10(x), display(v.getValueIteratedTo()));
        }
        series.addOrUpdate(Math.log10(limit), display(histogram.getMaxValue()));
        return series;
    }

    /**
     * The share of values in each of {@code bins} equal bins between {@code low} and {@code high} (display units),
     * at the bins' centres. The last bin holds every value above it too, so a long tail cut off by {@code high}
     * still counts.
     */
    XYSeries bins(double low, double high, int bins) {
        XYSeries series = new XYSeries(name, true, false);
        double width = (high - low) / bins;
        long total = histogram.getTotalCount();
        for (int i = 0; i < bins; i++) {
            double from = low + i * width;
            long lowRecorded = (long) Math.ceil(summary.metric().toRecorded(from));
            long highRecorded = (long) Math.floor(summary.metric().toRecorded(from + width));
            long count = i == bins - 1 ? histogram.getCountBetweenValues(lowRecorded,
                    Math.max(lowRecorded, histogram.getMaxValue()))
                    : histogram.getCountBetweenValues(lowRecorded, Math.max(lowRecorded, highRecorded - 1));
            series.add(from + width / 2, 100.0 * count / total);
        }
        return series;
    }
}
