package dev.yardstick.export.charts;

import dev.yardstick.report.DiffReport;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A diff's pictures: per step, model and latency, the baseline's and the new run's percentiles overlaid on
 * HdrHistogram's percentile axis, each with its confidence interval as an error bar, and the verdict written at every
 * figure that regressed or improved.
 */
final class DiffCharts {

    private static final Pattern PERCENTILE = Pattern.compile("^(p[0-9.]+)\\((\\w+)\\)$");

    private DiffCharts() {
    }

    static List<ChartGroup> of(DiffReport report) {
        List<ChartGroup> groups = new ArrayList<>();
        int index = 0;
        for (DiffReport.Comparison c : report.comparisons()) {
            index++;
            List<Chart> charts = new ArrayList<>();
            for (Metric metric : BenchmarkCharts.DISTRIBUTIONS) {
                overlay("diff-" + index + "-" + metric.key(), c, metric).ifPresent(charts::add);
            }
            if (!charts.isEmpty()) {
                String models = c.baselineModel().equals(c.model()) ? c.model() : c.baselineModel() + " → " + c.model();
                groups.add(new ChartGroup(c.step() + ": " + models, charts));
            }
        }
        return groups;
    }

    private static java.util.Optional<Chart> overlay(String id, DiffReport.Comparison c, Metric metric) {
        YIntervalSeries before = new YIntervalSeries("baseline", true, true);
        YIntervalSeries after = new YIntervalSeries("new", true, true);
        List<XYTextAnnotation> verdicts = new ArrayList<>();
        String unit = metric.unit();
        for (DiffReport.Row row : c.rows()) {
            Matcher m = PERCENTILE.matcher(row.figure());
            if (!m.matches() || !m.group(2).equals(metric.key()) || Double.isNaN(row.baseline())
                    || Double.isNaN(row.current())) {
                continue;
            }
            double x = Math.log10(1 / (1 - Stat.fromLabel(m.group(1)).quantile()));
            unit = row.unit();
            before.add(x, row.baseline(), low(row.baselineCi(), row.baseline()), high(row.baselineCi(), row.baseline()));
            after.add(x, row.current(), low(row.currentCi(), row.current()), high(row.currentCi(), row.current()));
            if (row.regressed() || row.verdict().equals("improved")) {
                XYTextAnnotation note = new XYTextAnnotation((row.regressed() ? "regressed " : "improved ")
                        + DiffReport.change(row.changePercent()), x, row.current());
                note.setPaint(row.regressed() ? ChartStyle.BAD : ChartStyle.GOOD);
                note.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11));
                note.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                verdicts.add(note);
            }
        }
        if (before.getItemCount() == 0) {
            return java.util.Optional.empty();
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(before);
        data.addSeries(after);
        NumberAxis x = Plots.percentileAxis(before.getX(before.getItemCount() - 1).doubleValue());
        String name = metric.label().replaceAll(" \\(.*\\)$", "");
        String yAxis = name + " (" + unit + ")";
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setErrorPaint(ChartStyle.MUTED);
        renderer.setSeriesPaint(0, ChartStyle.series(0));
        renderer.setSeriesPaint(1, ChartStyle.series(1));
        XYPlot plot = new XYPlot(data, x, new NumberAxis(yAxis), renderer);
        verdicts.forEach(plot::addAnnotation);
        String title = name + ": baseline and new";
        JFreeChart chart = Plots.finish(title, plot);
        return java.util.Optional.of(new Chart(id, title, "The two runs' " + name + " percentiles overlaid on"
                + " HdrHistogram's percentile axis, each with its confidence interval; a change counts only where"
                + " the intervals do not overlap.", chart, List.of("baseline", "new"), "percentile", yAxis,
                Chart.WIDTH, Chart.HEIGHT));
    }

    private static double low(dev.yardstick.stats.Interval ci, double value) {
        return ci == null || Double.isNaN(ci.low()) ? value : ci.low();
    }

    private static double high(dev.yardstick.stats.Interval ci, double value) {
        return ci == null || Double.isNaN(ci.high()) ? value : ci.high();
    }
}
