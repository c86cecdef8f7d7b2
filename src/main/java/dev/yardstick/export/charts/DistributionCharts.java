package dev.yardstick.export.charts;

import dev.yardstick.stats.Metric;
import java.util.List;
import java.util.Objects;
import org.jfree.data.xy.XYSeries;

/**
 * One metric's distributions, one per model (or per model and step), as the three charts that show them: the
 * percentile plot (the tail), the CDF (the whole shape) and the histogram (where values bunch).
 */
final class DistributionCharts {

    /** More overlaid histograms than this hide one another; the CDF and percentile plot still show them all. */
    private static final int MAX_HISTOGRAMS = 4;
    private static final int BINS = 30;

    private DistributionCharts() {
    }

    /** The charts of {@code metric}'s distributions; none when no distribution has a value. */
    static List<Chart> of(String idPrefix, Metric metric, List<Distribution> given) {
        List<Distribution> all = given.stream().filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return List.of();
        }
        String name = metric.label().replaceAll(" \\(.*\\)$", "");
        String unit = name + " (" + metric.unit() + ")";
        List<String> names = all.stream().map(Distribution::name).toList();
        List<Chart> charts = new java.util.ArrayList<>();
        charts.add(new Chart(idPrefix + "-" + metric.key() + "-percentiles", name + " by percentile",
                name + " at each percentile, HdrHistogram's percentile plot: the x axis is 1 / (1 − p) on a log scale,"
                        + " so 90%, 99% and 99.9% are equally spaced and the tail is readable.",
                Plots.percentiles(name + " by percentile", unit, all.stream().map(Distribution::percentiles).toList()),
                names, "percentile", unit, Chart.WIDTH, Chart.HEIGHT));
        charts.add(new Chart(idPrefix + "-" + metric.key() + "-cdf", name + " CDF",
                "Share of successful requests whose " + name + " was at or below each value.",
                Plots.cdf(name + " CDF", unit, all.stream().map(Distribution::cdf).toList()),
                names, unit, "values at or below (%)", Chart.WIDTH, Chart.HEIGHT));
        if (all.size() <= MAX_HISTOGRAMS) {
            double low = all.stream().mapToDouble(d -> d.summary().min()).min().orElse(0);
            double high = all.stream().mapToDouble(DistributionCharts::upperEdge).max().orElse(low + 1);
            if (high <= low) {
                high = low + Math.max(1e-3, Math.abs(low) * 0.01);
            }
            double lowEdge = low;
            double highEdge = high;
            List<XYSeries> bins = all.stream().map(d -> d.bins(lowEdge, highEdge, BINS)).toList();
            charts.add(new Chart(idPrefix + "-" + metric.key() + "-histogram", name + " histogram",
                    "Share of successful requests in each of " + BINS + " equal bins; the last bin also holds every"
                            + " value above it.",
                    Plots.histogram(name + " histogram", unit, bins, (high - low) / BINS),
                    names, unit, "share of values (%)", Chart.WIDTH, Chart.HEIGHT));
        }
        return charts;
    }

    /** The histogram's right edge: the max, or p99.9 when a lone outlier would squeeze every other bar into one. */
    private static double upperEdge(Distribution d) {
        double max = d.summary().max();
        double p999 = d.summary().p999();
        return max > 3 * p999 && p999 > 0 ? p999 : max;
    }
}
