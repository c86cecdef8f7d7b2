package dev.yardstick.export.html;

import dev.yardstick.cost.workload.Volume;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.CostReport;
import dev.yardstick.report.DiffReport;
import dev.yardstick.report.Report;
import dev.yardstick.report.SwitchReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every figure on the page means: the definitions the report itself carries, or the standard ones. */
final class Definitions {

    private Definitions() {
    }

    static Map<String, String> of(Report report) {
        Map<String, String> given = switch (report) {
            case BenchmarkReport r -> r.definitions();
            case CompareReport r -> r.metrics();
            case SwitchReport r -> r.metrics();
            case DiffReport r -> BenchmarkReport.standardDefinitions();
            case CostReport r -> cost();
            default -> Map.of();
        };
        return given == null || given.isEmpty() && report instanceof BenchmarkReport
                ? BenchmarkReport.standardDefinitions() : given;
    }

    private static Map<String, String> cost() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("cost", "input tokens × input price + cached input tokens × cached price + cache-write tokens ×"
                + " cache-write price + output tokens × output price, prices in USD per million tokens; a self-hosted"
                + " model's hourly price is added for every hour of the period");
        d.put("month", Volume.MONTH_DAYS + " days; \"monthly\" is the first month, \"peak\" a full month at the"
                + " period's last (highest) volume");
        d.put("period", "the scenario's whole span of days, with its volume growing once a month, compounded");
        d.put("break-even", "the value of a parameter (requests per day, cache share, batch share) at which two"
                + " models swap places; costs are linear in each, so the point is exact");
        d.put("tokens", "given in the scenario, counted with each model's own tokenizer, observed in a usage log or a"
                + " report, or estimated (marked as such)");
        return d;
    }
}
