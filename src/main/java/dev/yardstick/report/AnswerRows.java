package dev.yardstick.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark table's rows for the run-wide answers, in its columns: the capacity search's probes and result, the
 * server's TTFT beside the client's, the costs, and an abort. Figures the row has no column for stay empty. The
 * per-second series has a table of its own ({@code --timeseries FILE}): one row per second would not fit a table
 * of one row per figure.
 */
final class AnswerRows {

    private final int columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private AnswerRows(int columns) {
        this.columns = columns;
    }

    /** @param columns the table's width: step, load, shard_load, model, figure, unit, value, count, then stats */
    static List<List<Object>> of(BenchmarkReport report, int columns) {
        AnswerRows out = new AnswerRows(columns);
        if (report.aborted() != null) {
            AbortReason a = report.aborted();
            out.add("", a.step(), a.model(), "aborted_after", "s", a.atSeconds(), a.requests());
        }
        CapacityResult c = report.capacity();
        if (c != null) {
            for (CapacityResult.Probe p : c.probes()) {
                out.add(Integer.toString(p.number()), "rate=" + (p.rate() == Math.rint(p.rate()) ? Long.toString((long) p.rate()) : Double.toString(p.rate())) + "/s", "(capacity)",
                        "probe_attainment_" + p.verdict().replace(' ', '_').replaceAll("[()]", ""), "fraction",
                        p.attainment(), p.requests(), p.low(), p.high());
            }
            out.add("", "", "(capacity)", "max_rate", "req/s", c.maxRate(), null, c.rateLow(), c.rateHigh());
        }
        if (report.serverMetrics() != null && report.serverMetrics().ttft() != null) {
            ServerMetricsResult.TtftBeside t = report.serverMetrics().ttft();
            out.percentiles("(server)", "server_ttft", t.serverCount(), t.serverP50(), t.serverP90(), t.serverP99());
            out.percentiles("(client)", "client_ttft", t.clientCount(), t.clientP50(), t.clientP90(), t.clientP99());
        }
        for (BenchmarkCost cost : report.costs()) {
            out.add("", cost.step(), cost.model(), "cost_per_request", "USD", cost.perRequest(), null);
            out.add("", cost.step(), cost.model(), "cost_per_1000_requests", "USD", cost.perThousand(), null);
            out.add("", cost.step(), cost.model(), "cost_per_hour", "USD", cost.perHour(), null);
        }
        return out.rows;
    }

    /** A row with p50, p90 and p99 in their columns (the 12th, 13th and 15th). */
    private void percentiles(String model, String figure, long count, Double p50, Double p90, Double p99) {
        List<Object> row = start("", "", model, figure, "ms", null, count);
        row.set(11, cell(p50));
        row.set(12, cell(p90));
        row.set(14, cell(p99));
        rows.add(row);
    }

    /** {@code low} and {@code high} go to the median-CI columns, the last two: the row's interval. */
    private void add(String step, String load, String model, String figure, String unit, Number value, Number count,
                     Double low, Double high) {
        List<Object> row = start(step, load, model, figure, unit, value, count);
        row.set(columns - 2, cell(low));
        row.set(columns - 1, cell(high));
        rows.add(row);
    }

    private void add(String step, String load, String model, String figure, String unit, Number value,
                     Number count) {
        rows.add(start(step, load, model, figure, unit, value, count));
    }

    private List<Object> start(String step, String load, String model, String figure, String unit, Number value,
                               Number count) {
        List<Object> row = new ArrayList<>(List.of(step, load, "", model, figure, unit, cell(value), cell(count)));
        while (row.size() < columns) {
            row.add("");
        }
        return row;
    }

    private static Object cell(Number value) {
        return value == null || value instanceof Double d && (d.isNaN() || d.isInfinite()) ? "" : value;
    }
}
