package dev.yardstick.export.charts;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.CostReport;
import dev.yardstick.report.DiffReport;
import dev.yardstick.report.Report;
import dev.yardstick.report.SwitchReport;
import java.util.List;

/** The charts of any report, by its kind; none for a report with nothing to draw (a price list, a model list). */
public final class ReportCharts {

    static {
        // Charts are drawn off screen, before any chart class touches AWT: a CLI must never open a display
        // connection (or a dock icon) for them.
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    public static List<ChartGroup> of(Report report) {
        return switch (report) {
            case BenchmarkReport r -> BenchmarkCharts.of(r);
            case CompareReport r -> CompareCharts.of(r);
            case CostReport r -> CostCharts.of(r);
            case SwitchReport r -> SwitchCharts.of(r);
            case DiffReport r -> DiffCharts.of(r);
            default -> List.of();
        };
    }
}
