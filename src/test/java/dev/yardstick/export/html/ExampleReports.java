package dev.yardstick.export.html;

import dev.yardstick.benchmark.BenchmarkReports;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.recommend.Constraints;
import dev.yardstick.cost.recommend.CostAnalysis;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.export.ReportFiles;
import dev.yardstick.provider.tokens.TokenCounters;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.CostReport;
import dev.yardstick.report.DiffReport;
import dev.yardstick.report.SwitchReport;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One real report of every kind, as the tool wrote it: the shipped example compare and benchmark reports, a
 * benchmark sweep and a switch test run on mock models, a cost analysis of a shipped scenario and a diff of two runs
 * of the shipped benchmark.
 */
public final class ExampleReports {

    private ExampleReports() {
    }

    public static CompareReport compare() {
        return (CompareReport) ReportFiles.read(Path.of("reports", "compare-stories.json"));
    }

    public static BenchmarkReport benchmark() {
        return (BenchmarkReport) ReportFiles.read(Path.of("reports", "benchmark-local.json"));
    }

    public static BenchmarkReport sweep() {
        return (BenchmarkReport) ReportFiles.read(resource("benchmark-sweep.json"));
    }

    public static SwitchReport switchTest() {
        return (SwitchReport) ReportFiles.read(resource("switch-failover.json"));
    }

    public static CostReport cost() {
        Constraints constraints = new Constraints(1500.0, 128_000, null, null);
        return CostReport.of(new CostAnalysis(PriceCatalog.bundled(), TokenCounters::forModel)
                .run(List.of(Scenario.load(Path.of("scenarios", "cost-support-bot.yaml"))), List.of(), constraints,
                        Map.of()), constraints);
    }

    public static DiffReport diff() {
        return BenchmarkReports.diff(BenchmarkReports.read(Path.of("reports", "benchmark-local.json")),
                BenchmarkReports.read(resource("benchmark-local-rerun.json")), 10.0, 0.95, false);
    }

    static Path resource(String name) {
        try {
            return Path.of(ExampleReports.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
