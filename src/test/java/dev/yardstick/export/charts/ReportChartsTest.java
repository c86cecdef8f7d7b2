package dev.yardstick.export.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.export.html.ExampleReports;
import dev.yardstick.report.PriceListReport;
import dev.yardstick.stats.Metric;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.data.xy.XYSeries;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.export.ReportFiles;
import dev.yardstick.stats.TimeSeries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportChartsTest {

    private static Map<String, Chart> byId(List<ChartGroup> groups) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        groups.forEach(g -> g.charts().forEach(c -> charts.put(c.id(), c)));
        return charts;
    }

    private static int seriesDrawn(Chart chart) {
        var plot = chart.drawing().getPlot();
        if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
            int n = 0;
            for (int i = 0; i < xy.getDatasetCount(); i++) {
                n += xy.getDataset(i) == null ? 0 : xy.getDataset(i).getSeriesCount();
            }
            return n;
        }
        return ((org.jfree.chart.plot.CategoryPlot) plot).getDataset().getRowCount();
    }

    @Test
    void aSweepDrawsEveryStepsDistributionsAndTheFiguresAgainstTheLoad() {
        Map<String, Chart> charts = byId(ReportCharts.of(ExampleReports.sweep()));
        Chart percentiles = charts.get("benchmark-ttft-percentiles");
        assertEquals(List.of("mock/fast @ concurrency=1", "mock/fast @ concurrency=4", "mock/fast @ concurrency=16"),
                percentiles.series());
        assertEquals(3, seriesDrawn(percentiles));
        assertEquals("percentile", percentiles.xAxis());
        assertEquals("TTFT (ms)", percentiles.yAxis());
        String svg = ChartRenderer.inlineSvg(percentiles, "t-");
        for (String label : List.of(">percentile</text>", ">TTFT (ms)</text>", ">90%</text>", ">99%</text>",
                ">mock/fast @ concurrency=16</text>")) {
            assertTrue(svg.contains(label), label);
        }
        assertTrue(svg.contains("var(--chart-text)"), "text follows the page's theme");
        Chart knee = charts.get("sweep-ttft");
        assertEquals(List.of("mock/fast p50", "mock/fast p95"), knee.series());
        assertEquals("concurrency (requests in flight)", knee.xAxis());
        XYSeries p50 = ((org.jfree.data.xy.XYSeriesCollection) knee.drawing().getXYPlot().getDataset()).getSeries(0);
        assertArrayEquals(new double[] {1, 4, 16}, new double[] {p50.getX(0).doubleValue(), p50.getX(1).doubleValue(),
                p50.getX(2).doubleValue()});
        assertEquals("successful requests/s", charts.get("sweep-throughput").yAxis());
        assertFalse(charts.containsKey("benchmark-errors"), "nothing failed: no empty error chart");
    }

    @Test
    void aCompareReportDrawsLatencyCostAndPassRate() {
        Map<String, Chart> charts = byId(ReportCharts.of(ExampleReports.compare()));
        assertEquals(List.of("compare-ttft-percentiles", "compare-ttft-cdf", "compare-ttft-histogram",
                "compare-e2e-percentiles", "compare-e2e-cdf", "compare-e2e-histogram", "compare-cost",
                "compare-pass-rate"), List.copyOf(charts.keySet()));
        assertEquals(List.of("local/stories260k", "mock/fast"), charts.get("compare-e2e-cdf").series());
        assertEquals("values at or below (%)", charts.get("compare-e2e-cdf").yAxis());
        assertEquals("cost (USD)", charts.get("compare-cost").yAxis());
    }

    @Test
    void aCostAnalysisDrawsTheSplitAndTheFlips() {
        Map<String, Chart> charts = byId(ReportCharts.of(ExampleReports.cost()));
        Chart split = charts.get("cost-1-split");
        assertTrue(split.series().containsAll(List.of("input", "output")), split.series().toString());
        assertEquals("cost per month (USD)", split.yAxis());
        assertTrue(charts.containsKey("cost-1-break-even-cache-share"), charts.keySet().toString());
    }

    @Test
    void aSwitchTestDrawsTheTimelineWithOutcomesAndEvents() {
        Map<String, Chart> charts = byId(ReportCharts.of(ExampleReports.switchTest()));
        Chart timeline = charts.get("switch-1-timeline");
        assertTrue(timeline.series().containsAll(List.of("answered", "failed", "retry", "circuit", "failover")),
                timeline.series().toString());
        assertEquals(timeline.series().size(), seriesDrawn(timeline));
        assertEquals("time since the conversation started (ms)", timeline.xAxis());
    }

    @Test
    void aDiffOverlaysBothRunsWithTheVerdicts() {
        Map<String, Chart> charts = byId(ReportCharts.of(ExampleReports.diff()));
        Chart ttft = charts.get("diff-1-ttft");
        assertEquals(List.of("baseline", "new"), ttft.series());
        assertEquals(2, seriesDrawn(ttft));
        String svg = ChartRenderer.inlineSvg(ttft, "d-");
        assertTrue(svg.contains(">regressed +"), "the verdict written at the figure that regressed");
    }

    @Test
    void aReportWithNothingToDrawHasNoCharts() {
        assertEquals(List.of(), ReportCharts.of(new PriceListReport(List.of(), "prices.yaml")));
    }

    @Test
    void thePercentileAxisIsLabelledAsHdrHistogramsPlotterLabelsIt() {
        assertEquals("0%", Plots.PercentileFormat.label(0));
        assertEquals("90%", Plots.PercentileFormat.label(1));
        assertEquals("99%", Plots.PercentileFormat.label(2));
        assertEquals("99.9%", Plots.PercentileFormat.label(3));
        assertEquals("99.99%", Plots.PercentileFormat.label(4));
    }

    @Test
    void aDistributionReadsTheEncodedHistogram() {
        var summary = ExampleReports.benchmark().steps().getFirst().models().getFirst().metric(Metric.E2E);
        Distribution d = Distribution.of("m", summary);
        XYSeries cdf = d.cdf();
        assertEquals(summary.max(), cdf.getMaxX(), summary.max() * 0.002, "the CDF ends at the max");
        assertEquals(100, cdf.getY(cdf.getItemCount() - 1).doubleValue(), 1e-9);
        for (int i = 1; i < cdf.getItemCount(); i++) {
            assertTrue(cdf.getY(i).doubleValue() >= cdf.getY(i - 1).doubleValue(), "rises");
            assertTrue(cdf.getX(i).doubleValue() >= cdf.getX(i - 1).doubleValue(), "rises");
        }
        XYSeries bins = d.bins(summary.min(), summary.max(), 30);
        double total = 0;
        for (int i = 0; i < bins.getItemCount(); i++) {
            total += bins.getY(i).doubleValue();
        }
        assertEquals(100, total, 3, "every value in a bin (HdrHistogram buckets may straddle a bin's edge)");
        XYSeries percentiles = d.percentiles();
        assertEquals(summary.max(), percentiles.getY(percentiles.getItemCount() - 1).doubleValue(), summary.max() * 0.002);
        assertEquals(Math.log10(Math.max(10, summary.count())), percentiles.getMaxX(), 1e-9,
                "stops where the samples run out");
    }

    /** A per-second point as a benchmark's time series would hold it. */
    record Second(double at, double requests, double errors) {
    }

    @Test
    void aTimeSeriesTakesAnyPointRecord() {
        List<Second> points = List.of(new Second(0, 10, 0), new Second(1, 12, 1), new Second(2, Double.NaN, 0));
        Map<String, ToDoubleFunction<Second>> figures = new LinkedHashMap<>();
        figures.put("requests/s", Second::requests);
        figures.put("errors/s", Second::errors);
        Chart chart = TimeSeriesChart.of("ts", "Requests per second", points, Second::at, figures, "per second");
        assertEquals(List.of("requests/s", "errors/s"), chart.series());
        assertEquals(2, seriesDrawn(chart));
        XYSeries requests = ((org.jfree.data.xy.XYSeriesCollection) chart.drawing().getXYPlot().getDataset())
                .getSeries(0);
        assertEquals(3, requests.getItemCount());
        assertEquals(null, requests.getY(2), "a second without a value is a gap");
    }

    @Test
    void aBenchmarkWithATimeSeriesDrawsItSecondBySecond() {
        BenchmarkReport ramp = (BenchmarkReport) ReportFiles.read(Path.of("reports", "benchmark-ramp.json"));
        TimeSeries series = ramp.timeSeries().getFirst();
        Map<String, Chart> charts = byId(ReportCharts.of(ramp));
        Chart throughput = charts.get("timeseries-1-throughput");
        assertEquals(List.of("throughput", "errors"), throughput.series());
        assertEquals("requests/s", throughput.yAxis());
        XYSeries line = ((org.jfree.data.xy.XYSeriesCollection) throughput.drawing().getXYPlot().getDataset())
                .getSeries(0);
        assertEquals(series.seconds().size(), line.getItemCount(), "a point per second");
        assertEquals(series.seconds().get(1).throughput(), line.getY(1).doubleValue(), 1e-9);
        assertEquals(List.of("in flight"), charts.get("timeseries-1-in-flight").series());
        Chart latency = charts.get("timeseries-1-latency");
        assertEquals(List.of("TTFT p50", "TTFT p99", "E2E p50", "E2E p99"), latency.series());
        assertEquals("ms", latency.yAxis());
        assertEquals(4, seriesDrawn(latency));
    }

    @Test
    void markdownChartsAreFilesAndRelativeLinks() {
        MarkdownCharts charts = new MarkdownCharts(ReportCharts.of(ExampleReports.compare()));
        Map<String, byte[]> files = charts.files();
        assertEquals(16, files.size(), files.keySet().toString());
        byte[] png = files.get("compare-cost.png");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String svg = new String(files.get("compare-cost.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && !svg.contains("var(--"), "a file of its own");
        String md = charts.section("charts");
        assertTrue(md.contains("![Cost of the run](charts/compare-cost.svg)"), md);
        assertTrue(md.contains("([PNG](charts/compare-cost.png))"), md);
    }
}
