package dev.yardstick.export.charts;

import dev.yardstick.cost.recommend.BreakEven;
import dev.yardstick.cost.recommend.CostAnalysis.ScenarioResult;
import dev.yardstick.cost.recommend.ScenarioCost;
import dev.yardstick.cost.workload.Volume;
import dev.yardstick.report.CostReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;

/**
 * A cost analysis's pictures, per scenario: each model's first month split into what it pays for, the monthly cost
 * as the volume grows, and the monthly cost against requests per day with the break-even points marked.
 */
final class CostCharts {

    /** What a model's cost is made of; input and output are drawn always, the others when any model pays them. */
    private record Part(String name, java.util.function.ToDoubleFunction<ScenarioCost> usd, boolean always) {
    }

    private static final List<Part> PARTS = List.of(new Part("input", ScenarioCost::input, true),
            new Part("cached input", ScenarioCost::cachedInput, false),
            new Part("cache writes", ScenarioCost::cacheWrite, false), new Part("output", ScenarioCost::output, true),
            new Part("hourly", ScenarioCost::fixed, false));

    private CostCharts() {
    }

    static List<ChartGroup> of(CostReport report) {
        List<ChartGroup> groups = new ArrayList<>();
        int index = 0;
        for (ScenarioResult scenario : report.scenarios()) {
            index++;
            if (scenario.ranked().isEmpty()) {
                continue;
            }
            String id = "cost-" + index;
            List<Chart> charts = new ArrayList<>();
            charts.add(split(id, scenario));
            growth(id, scenario).ifPresent(charts::add);
            breakEven(id, scenario).ifPresent(charts::add);
            charts.addAll(shareFlips(id, scenario));
            groups.add(new ChartGroup("Scenario: " + scenario.name(), charts));
        }
        return groups;
    }

    /** The first month per model, stacked by what is billed; the split keeps the period's proportions. */
    private static Chart split(String id, ScenarioResult scenario) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> used = new ArrayList<>();
        for (Part part : PARTS) {
            if (!part.always() && scenario.ranked().stream().noneMatch(c -> part.usd().applyAsDouble(c) > 0)) {
                continue; // no model pays for it: a zero bar in every row says nothing
            }
            used.add(part.name());
            for (ScenarioCost c : scenario.ranked()) {
                double share = c.period() > 0 ? c.monthly() / c.period() : 0;
                data.addValue(part.usd().applyAsDouble(c) * share, part.name(), c.model());
            }
        }
        String title = "Monthly cost by part: " + scenario.name();
        return new Chart(id + "-split", title, "The first month's cost per model, USD, split into input, cached input,"
                + " cache writes, output and hourly machine time in the proportions of the whole period.",
                Plots.bars(title, "model", "cost per month (USD)", data, true, null), used, "model",
                "cost per month (USD)", Chart.WIDTH, CompareCharts.barHeight(singleRow(data)));
    }

    private static DefaultCategoryDataset singleRow(DefaultCategoryDataset data) {
        DefaultCategoryDataset rows = new DefaultCategoryDataset();
        for (int i = 0; i < data.getColumnCount(); i++) {
            rows.addValue(0, "", data.getColumnKey(i));
        }
        return rows;
    }

    /**
     * The monthly cost of each month of the period: growth compounds monthly, so the variable part goes
     * geometrically from the first month to the last; the hourly part stays. None for a period of one month or a
     * volume that does not grow.
     */
    private static Optional<Chart> growth(String id, ScenarioResult scenario) {
        int lastMonth = (scenario.days() - 1) / Volume.MONTH_DAYS;
        boolean grows = scenario.ranked().stream().anyMatch(c -> c.peakMonthly() > c.monthly() * (1 + 1e-9));
        if (lastMonth < 1 || !grows) {
            return Optional.empty();
        }
        List<XYSeries> series = new ArrayList<>();
        for (ScenarioCost c : scenario.ranked()) {
            double fixedMonthly = c.fixed() / scenario.days() * Volume.MONTH_DAYS;
            double first = c.monthly() - fixedMonthly;
            double last = c.peakMonthly() - fixedMonthly;
            XYSeries line = new XYSeries(c.model(), true, true);
            for (int month = 0; month <= lastMonth; month++) {
                double variable = first <= 0 ? 0 : first * Math.pow(last / first, (double) month / lastMonth);
                line.add(month + 1, variable + fixedMonthly);
            }
            series.add(line);
        }
        String title = "Monthly cost as the volume grows: " + scenario.name();
        return Optional.of(new Chart(id + "-growth", title, "Each month's cost over the scenario's period ("
                + scenario.volume() + "); growth compounds once a month.",
                Plots.wholeNumbers(Plots.lines(title, "month", "cost per month (USD)", series, true)),
                series.stream().map(s -> s.getKey().toString()).toList(), "month", "cost per month (USD)",
                Chart.WIDTH, Chart.HEIGHT));
    }

    /**
     * The first month's cost against requests per day, a straight line per model (the hourly part is its
     * intercept), with the volume of each requests-per-day break-even point and today's volume marked.
     */
    private static Optional<Chart> breakEven(String id, ScenarioResult scenario) {
        List<BreakEven> points = scenario.recommendation().breakEvens().stream()
                .filter(b -> b.parameter().equals("requests-per-day")).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        double now = points.getFirst().now();
        double far = Math.max(now, points.stream().mapToDouble(BreakEven::at).max().orElse(now)) * 1.5;
        List<XYSeries> series = new ArrayList<>();
        for (ScenarioCost c : scenario.ranked()) {
            double fixedMonthly = c.fixed() / scenario.days() * Volume.MONTH_DAYS;
            double perRequest = c.requests() > 0 ? (c.period() - c.fixed()) / c.requests() : 0;
            XYSeries line = new XYSeries(c.model(), true, true);
            line.add(0, fixedMonthly);
            line.add(far, fixedMonthly + perRequest * far * Volume.MONTH_DAYS);
            series.add(line);
        }
        String title = "Break-even volume: " + scenario.name();
        JFreeChart chart = Plots.lines(title, "requests per day", "cost per month (USD)", series, false);
        XYPlot plot = chart.getXYPlot();
        plot.addDomainMarker(Plots.marker(now, "now"));
        for (BreakEven b : points) {
            plot.addDomainMarker(Plots.marker(b.at(), b.overtaker() + " cheaper"));
        }
        return Optional.of(new Chart(id + "-break-even", title, "A month at a steady volume, per model; where two"
                + " lines cross the ranking flips (marked), beside today's volume.", chart,
                series.stream().map(s -> s.getKey().toString()).toList(), "requests per day",
                "cost per month (USD)", Chart.WIDTH, Chart.HEIGHT));
    }

    /**
     * Break-even points on a share (cache share, batch share): per pair of models, the share at which the ranking
     * flips, against today's share (the dashed line). How far a bar ends from the line is how much the workload must
     * change before another model is the cheaper one.
     */
    private static List<Chart> shareFlips(String id, ScenarioResult scenario) {
        Map<String, List<BreakEven>> byParameter = new LinkedHashMap<>();
        scenario.recommendation().breakEvens().stream().filter(b -> !b.parameter().equals("requests-per-day"))
                .forEach(b -> byParameter.computeIfAbsent(b.parameter(), k -> new ArrayList<>()).add(b));
        List<Chart> charts = new ArrayList<>();
        byParameter.forEach((parameter, points) -> {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (BreakEven b : points) {
                data.addValue(100 * b.at(), parameter, b.overtaker() + " < " + b.cheaperNow());
            }
            String axis = parameter.replace('-', ' ') + " (%)";
            String title = "Where the ranking flips on " + parameter.replace('-', ' ') + ": " + scenario.name();
            JFreeChart chart = Plots.bars(title, "model that becomes cheaper < model it overtakes", axis, data, false,
                    null);
            org.jfree.chart.plot.ValueMarker now = Plots.marker(100 * points.getFirst().now(), "now");
            chart.getCategoryPlot().addRangeMarker(now);
            charts.add(new Chart(id + "-break-even-" + parameter, title, "The " + parameter.replace('-', ' ')
                    + " at which the first model of each pair becomes cheaper than the second, against today's"
                    + " (dashed).", chart, List.of(parameter), axis, "model that becomes cheaper < model it overtakes",
                    Chart.WIDTH, CompareCharts.barHeight(data)));
        });
        return charts;
    }
}
