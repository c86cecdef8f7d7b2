package dev.yardstick.export.charts;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;

/**
 * A benchmark's pictures: every latency distribution (percentile plot, CDF, histogram) from the HdrHistograms the
 * report keeps; for a sweep, TTFT, E2E and throughput against the load, where the knee shows; errors by class.
 */
final class BenchmarkCharts {

    /** The distributions drawn: the two every reader asks for first. */
    static final List<Metric> DISTRIBUTIONS = List.of(Metric.TTFT, Metric.E2E);

    private static final Pattern LOAD = Pattern.compile("(concurrency|rate)=([0-9.]+)");

    private BenchmarkCharts() {
    }

    static List<ChartGroup> of(BenchmarkReport report) {
        List<ChartGroup> groups = new ArrayList<>();
        boolean sweep = report.steps().size() > 1;
        List<Chart> distributions = new ArrayList<>();
        for (Metric metric : DISTRIBUTIONS) {
            List<Distribution> all = new ArrayList<>();
            for (BenchmarkReport.Step step : report.steps()) {
                for (ModelStats stats : step.models()) {
                    all.add(Distribution.of(sweep ? stats.model() + " @ " + step.load() : stats.model(),
                            stats.metric(metric)));
                }
            }
            distributions.addAll(DistributionCharts.of("benchmark", metric, all));
        }
        if (!distributions.isEmpty()) {
            groups.add(new ChartGroup("Latency distributions", distributions));
        }
        if (sweep) {
            List<Chart> knee = sweepCharts(report.steps());
            if (!knee.isEmpty()) {
                groups.add(new ChartGroup("Against the load", knee));
            }
        }
        List<Chart> overTime = timeSeries(report.timeSeries());
        if (!overTime.isEmpty()) {
            groups.add(new ChartGroup("Over time", overTime));
        }
        errors(report).ifPresent(chart -> groups.add(new ChartGroup("Errors", List.of(chart))));
        return groups;
    }

    /** Per step with a time series: throughput and errors, requests in flight, TTFT and E2E percentiles, per second. */
    private static List<Chart> timeSeries(List<TimeSeries> all) {
        List<Chart> charts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            TimeSeries series = all.get(i);
            if (series.seconds().isEmpty()) {
                continue;
            }
            String id = "timeseries-" + (i + 1);
            String where = all.size() > 1 ? " (" + series.step() + ")" : "";
            ToDoubleFunction<TimeSeries.Second> second = TimeSeries.Second::second;
            Map<String, ToDoubleFunction<TimeSeries.Second>> rates = new LinkedHashMap<>();
            rates.put("throughput", TimeSeries.Second::throughput);
            rates.put("errors", s -> s.errors() / s.length());
            charts.add(TimeSeriesChart.of(id + "-throughput", "Throughput and errors per second" + where,
                    series.seconds(), second, rates, "requests/s"));
            charts.add(TimeSeriesChart.of(id + "-in-flight", "Requests in flight" + where, series.seconds(), second,
                    Map.of("in flight", s -> s.inFlight()), "requests"));
            Map<String, ToDoubleFunction<TimeSeries.Second>> latency = new LinkedHashMap<>();
            latency.put("TTFT p50", s -> orNaN(s.ttftP50()));
            latency.put("TTFT p99", s -> orNaN(s.ttftP99()));
            latency.put("E2E p50", s -> orNaN(s.e2eP50()));
            latency.put("E2E p99", s -> orNaN(s.e2eP99()));
            charts.add(TimeSeriesChart.of(id + "-latency", "Latency per second" + where, series.seconds(), second,
                    latency, "ms"));
        }
        return charts;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    /** TTFT and E2E (p50 and p95) and throughput per model against the step's concurrency or rate. */
    private static List<Chart> sweepCharts(List<BenchmarkReport.Step> steps) {
        String axis = loadAxis(steps);
        List<Chart> charts = new ArrayList<>();
        for (Metric metric : DISTRIBUTIONS) {
            String name = metric.label().replaceAll(" \\(.*\\)$", "");
            Map<String, XYSeries> series = new LinkedHashMap<>();
            for (BenchmarkReport.Step step : steps) {
                double x = loadValue(step);
                for (ModelStats stats : step.models()) {
                    var summary = stats.metric(metric);
                    if (summary == null || summary.count() == 0) {
                        continue;
                    }
                    series.computeIfAbsent(stats.model() + " p50", k -> new XYSeries(k, true, true)).add(x, summary.p50());
                    series.computeIfAbsent(stats.model() + " p95", k -> new XYSeries(k, true, true)).add(x, summary.p95());
                }
            }
            if (!series.isEmpty()) {
                String unit = name + " (" + metric.unit() + ")";
                charts.add(new Chart("sweep-" + metric.key(), name + " against the load",
                        "Median and p95 " + name + " at each step of the sweep: where the line turns up is the knee.",
                        Plots.lines(name + " against the load", axis, unit, List.copyOf(series.values()), true),
                        List.copyOf(series.keySet()), axis, unit, Chart.WIDTH, Chart.HEIGHT));
            }
        }
        charts.add(rateChart(steps, axis, "sweep-throughput", "Request throughput against the load",
                "successful requests/s", ModelStats::requestThroughput,
                "Successful requests per second of each step's measurement window."));
        charts.add(rateChart(steps, axis, "sweep-output-tps", "Output tokens/s against the load",
                "output tokens/s", ModelStats::outputTokensPerSecond,
                "Output tokens of successful requests per second of each step's measurement window."));
        return charts;
    }

    private static Chart rateChart(List<BenchmarkReport.Step> steps, String axis, String id, String title,
                                   String unit, ToDoubleFunction<ModelStats> figure, String caption) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (BenchmarkReport.Step step : steps) {
            for (ModelStats stats : step.models()) {
                double y = figure.applyAsDouble(stats);
                if (Double.isFinite(y)) {
                    series.computeIfAbsent(stats.model(), k -> new XYSeries(k, true, true)).add(loadValue(step), y);
                }
            }
        }
        return new Chart(id, title, caption, Plots.lines(title, axis, unit, List.copyOf(series.values()), true),
                List.copyOf(series.keySet()), axis, unit, Chart.WIDTH, Chart.HEIGHT);
    }

    /** Failed requests per model by error class, over every step; none when nothing failed. */
    private static java.util.Optional<Chart> errors(BenchmarkReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Long> byClass = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byModel = new LinkedHashMap<>();
        for (BenchmarkReport.Step step : report.steps()) {
            for (ModelStats stats : step.models()) {
                stats.requests().errors().forEach((errorClass, count) -> {
                    byClass.merge(errorClass, count, Long::sum);
                    byModel.computeIfAbsent(stats.model(), k -> new LinkedHashMap<>()).merge(errorClass, count,
                            Long::sum);
                });
            }
        }
        if (byClass.isEmpty()) {
            return java.util.Optional.empty();
        }
        byModel.forEach((model, counts) -> counts.forEach((errorClass, count) -> data.addValue(count, errorClass,
                model)));
        return java.util.Optional.of(new Chart("benchmark-errors", "Errors by class",
                "Failed requests per model, by error class, over every step (failures are outside the latencies and"
                        + " the throughput, inside the error rate).",
                Plots.bars("Errors by class", "model", "failed requests", data, true, null),
                List.copyOf(byClass.keySet()), "model", "failed requests", Chart.WIDTH, Chart.HEIGHT));
    }

    private static String loadAxis(List<BenchmarkReport.Step> steps) {
        Matcher m = LOAD.matcher(steps.getFirst().load());
        if (!m.find()) {
            return "step";
        }
        return m.group(1).equals("rate") ? "offered rate (requests/s)" : "concurrency (requests in flight)";
    }

    /** The step's concurrency or rate, read off its label; its number when the label names neither. */
    static double loadValue(BenchmarkReport.Step step) {
        Matcher m = LOAD.matcher(step.load());
        return m.find() ? Double.parseDouble(m.group(2)) : step.number();
    }
}
