package dev.yardstick.export.charts;

import dev.yardstick.report.CompareReport;
import dev.yardstick.stats.Metric;
import java.util.ArrayList;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;

/** A comparison's pictures: each model's TTFT and E2E distributions, its cost and its pass rate side by side. */
final class CompareCharts {

    private CompareCharts() {
    }

    static List<ChartGroup> of(CompareReport report) {
        List<ChartGroup> groups = new ArrayList<>();
        List<Chart> latency = new ArrayList<>();
        for (Metric metric : List.of(Metric.TTFT, Metric.E2E)) {
            List<Distribution> all = report.summary().stream()
                    .map(s -> Distribution.of(s.model(), s.stats().metric(metric))).toList();
            latency.addAll(DistributionCharts.of("compare", metric, all));
        }
        if (!latency.isEmpty()) {
            groups.add(new ChartGroup("Latency distributions", latency));
        }
        List<Chart> bars = new ArrayList<>();
        DefaultCategoryDataset cost = new DefaultCategoryDataset();
        for (CompareReport.ModelSummary s : report.summary()) {
            if (s.costUsd() != null) {
                cost.addValue(s.costUsd(), "cost", s.model());
            }
        }
        if (cost.getColumnCount() > 0) {
            bars.add(new Chart("compare-cost", "Cost of the run", "Each model's cost over every request of the run,"
                    + " from the price rows in the header (an unpriced model counts as $0).",
                    Plots.bars("Cost of the run", "model", "cost (USD)", cost, false, null),
                    List.of("cost"), "model", "cost (USD)", Chart.WIDTH, barHeight(cost)));
        }
        DefaultCategoryDataset pass = new DefaultCategoryDataset();
        for (CompareReport.ModelSummary s : report.summary()) {
            if (s.casesGraded() > 0) {
                pass.addValue(100 * s.casePassRate(), "cases passed", s.model());
            }
            if (s.checksTotal() > 0) {
                pass.addValue(100 * s.passRate(), "checks passed", s.model());
            }
        }
        if (pass.getColumnCount() > 0) {
            List<String> series = new ArrayList<>();
            for (int i = 0; i < pass.getRowCount(); i++) {
                series.add(pass.getRowKey(i).toString());
            }
            bars.add(new Chart("compare-pass-rate", "Pass rate", "Cases whose assertions passed, and checks passed,"
                    + " as a share of each model's graded answers (a failed request counts as failed).",
                    Plots.bars("Pass rate", "model", "passed (%)", pass, false, null),
                    series, "model", "passed (%)", Chart.WIDTH, barHeight(pass)));
        }
        if (!bars.isEmpty()) {
            groups.add(new ChartGroup("Cost and quality", bars));
        }
        return groups;
    }

    /** Room for every model's bars, and no more. */
    static int barHeight(DefaultCategoryDataset data) {
        return Math.max(200, 120 + 34 * data.getColumnCount() * Math.max(1, data.getRowCount()));
    }
}
