package dev.yardstick.export.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The few kinds of chart the reports need, each built the same way: a dataset, titled axes with units, the shared
 * {@link ChartStyle}. The report-specific classes only choose what goes in.
 */
final class Plots {

    private Plots() {
    }

    /** Lines through points, x and y on linear axes; {@code points} marks each value (a sweep's steps). */
    static JFreeChart lines(String title, String xAxis, String yAxis, List<XYSeries> series, boolean points) {
        NumberAxis x = new NumberAxis(xAxis);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yAxis);
        return xy(title, x, y, series, lineRenderer(points));
    }

    /** The x axis ticks at whole numbers only: turns, months. */
    static JFreeChart wholeNumbers(JFreeChart chart) {
        chart.getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    /** A cumulative distribution: the values rise as steps, y in percent of values. */
    static JFreeChart cdf(String title, String xAxis, List<XYSeries> series) {
        NumberAxis x = new NumberAxis(xAxis);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("values at or below (%)");
        y.setRange(0, 100);
        return xy(title, x, y, series, lineRenderer(false));
    }

    /**
     * HdrHistogram's percentile plot: x is log10(1 / (1 − p)) (see {@link Distribution#percentiles}), one tick per
     * decade labelled in percent.
     */
    static JFreeChart percentiles(String title, String yAxis, List<XYSeries> series) {
        double highest = series.stream().mapToDouble(XYSeries::getMaxX).max().orElse(1);
        return xy(title, percentileAxis(highest), new NumberAxis(yAxis), series, lineRenderer(false));
    }

    /**
     * The percentile axis of values at log10(1 / (1 − p)), up to {@code highest} and a little room past it so its
     * label is not clipped. A plain number axis on the logarithms, not a LogAxis: its labels stay text in the SVG.
     */
    static NumberAxis percentileAxis(double highest) {
        NumberAxis x = new NumberAxis("percentile");
        x.setTickUnit(new NumberTickUnit(1, new PercentileFormat()));
        x.setRange(0, Math.max(1, highest) + 0.3);
        return x;
    }

    /** Overlaid histograms: each series' bars drawn translucent over the others'. */
    static JFreeChart histogram(String title, String xAxis, List<XYSeries> series, double binWidth) {
        XYSeriesCollection data = collection(series);
        data.setIntervalWidth(binWidth);
        NumberAxis x = new NumberAxis(xAxis);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("share of values (%)");
        XYBarRenderer renderer = new XYBarRenderer(0.08);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < series.size(); i++) {
            Color c = (Color) ChartStyle.series(i);
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), series.size() > 1 ? 150 : 220));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return finish(title, plot);
    }

    /** Bars per category (models), one bar per series side by side, or stacked into one. */
    static JFreeChart bars(String title, String categoryAxis, String valueAxis, DefaultCategoryDataset data,
                           boolean stacked, List<Color> colors) {
        BarRenderer renderer = stacked ? new StackedBarRenderer() : new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setItemMargin(0.04);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, colors == null ? ChartStyle.series(i) : colors.get(i % colors.size()));
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(categoryAxis), new NumberAxis(valueAxis), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return finish(title, plot);
    }

    /** Points and spans against time, one row per name on the y axis (a conversation's models). */
    static XYPlot rows(String xAxis, String yAxis, List<String> rows) {
        SymbolAxis y = new SymbolAxis(yAxis, rows.toArray(String[]::new));
        y.setGridBandsVisible(false);
        NumberAxis x = new NumberAxis(xAxis);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        return plot;
    }

    /** A dashed vertical line at {@code x} with a label: a switch, a break-even point, today's volume. */
    static org.jfree.chart.plot.ValueMarker marker(double x, String label) {
        org.jfree.chart.plot.ValueMarker marker = new org.jfree.chart.plot.ValueMarker(x, ChartStyle.MUTED,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelPaint(ChartStyle.TEXT);
        marker.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        return marker;
    }

    static JFreeChart finish(String title, org.jfree.chart.plot.Plot plot) {
        return ChartStyle.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static JFreeChart xy(String title, org.jfree.chart.axis.ValueAxis x, org.jfree.chart.axis.ValueAxis y,
                                 List<XYSeries> series, XYLineAndShapeRenderer renderer) {
        return finish(title, new XYPlot(collection(series), x, y, renderer));
    }

    static XYLineAndShapeRenderer lineRenderer(boolean points) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, points);
        renderer.setDrawSeriesLineAsPath(true); // one SVG path per series, not one element per segment
        styleSeries(renderer, ChartStyle.SERIES.size());
        return renderer;
    }

    private static void styleSeries(XYLineAndShapeRenderer renderer, int count) {
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, ChartStyle.series(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
    }

    static XYSeriesCollection collection(List<XYSeries> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        return data;
    }

    /** A figure with its unit, for captions: three significant digits, as the reports print them. */
    static String figure(double value) {
        return new DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /**
     * Labels a log10(1 / (1 − p)) axis in percent: 0 → 0%, 1 → 90%, 2 → 99%, 3 → 99.9%.
     */
    static final class PercentileFormat extends NumberFormat {

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            return out.append(label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }

        static String label(double decades) {
            double percent = 100 * (1 - Math.pow(10, -decades));
            if (percent <= 0) {
                return "0%";
            }
            String text = new java.math.BigDecimal(percent).round(new java.math.MathContext(
                    Math.max(1, (int) Math.round(decades) + 1))).stripTrailingZeros().toPlainString();
            return text + "%";
        }
    }
}
