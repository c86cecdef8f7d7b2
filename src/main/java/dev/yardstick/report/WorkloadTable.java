package dev.yardstick.report;

import dev.yardstick.report.WorkloadReport.Latencies;
import java.util.ArrayList;
import java.util.List;

/**
 * A step's workload figures as rows of the benchmark's flat table (CSV), in its columns: model {@code (workload)},
 * distributions in ms with their count, p50, p90, p99, max and mean, counts in {@code value}.
 */
final class WorkloadTable {

    private static final String MODEL = "(workload)";

    private WorkloadTable() {
    }

    static List<List<Object>> rows(BenchmarkReport report) {
        List<List<Object>> rows = new ArrayList<>();
        if (report.workloads() == null) {
            return rows;
        }
        for (WorkloadReport w : report.workloads()) {
            String load = report.steps().stream().filter(s -> s.number() == w.step()).map(BenchmarkReport.Step::load)
                    .findFirst().orElse("");
            Rows out = new Rows(w.step(), load, rows);
            if (w.trace() != null) {
                out.count("trace_requests", "count", w.trace().requests());
                out.count("trace_span", "s", w.trace().spanSeconds());
                out.count("trace_prefix_blocks", "count", w.trace().blocks());
                out.count("trace_repeated_blocks", "count", w.trace().repeatedBlocks());
            }
            if (w.sessions() != null) {
                out.count("sessions_started", "count", w.sessions().started());
                out.count("sessions_completed", "count", w.sessions().completed());
                out.count("session_turns_completed", "count", w.sessions().turnsCompleted());
                out.latencies("session_duration", w.sessions().duration());
                for (WorkloadReport.Turn t : w.sessions().turns()) {
                    out.count("turn_" + t.turn() + "_failed", "count", t.failed());
                    out.count("turn_" + t.turn() + "_input_tokens", "tokens (mean)", t.meanInputTokens());
                    out.latencies("turn_" + t.turn() + "_ttft", t.ttft());
                    out.latencies("turn_" + t.turn() + "_e2e", t.e2e());
                }
            }
            if (w.prefix() != null) {
                out.latencies("prefix_eligible_ttft", w.prefix().eligible());
                out.latencies("prefix_cold_ttft", w.prefix().cold());
            }
            if (w.outputLength() != null) {
                out.count("output_length_checked", "count", w.outputLength().checked());
                out.count("output_length_unmet", "count", w.outputLength().unmet());
            }
        }
        return rows;
    }

    /** Rows of one step in the table's columns (step … count, mean, stddev, min, p50 … max, median CI). */
    private record Rows(int step, String load, List<List<Object>> rows) {

        void count(String figure, String unit, Number value) {
            rows.add(row(figure, unit, value instanceof Double d && d.isNaN() ? "" : value, "", "", "", "", ""));
        }

        void latencies(String figure, Latencies l) {
            rows.add(row(figure, "ms", "", l.count(), cell(l.meanMs()), cell(l.p50Ms()), cell(l.p90Ms()),
                    cell(l.p99Ms()), cell(l.maxMs())));
        }

        private List<Object> row(String figure, String unit, Object value, Object count, Object mean, Object p50,
                                 Object p90, Object p99, Object... max) {
            List<Object> row = new ArrayList<>(List.of(step, load, "", MODEL, figure, unit, value, count, mean, "", "",
                    p50, p90, "", p99, "", max.length == 0 ? "" : max[0], "", ""));
            return row;
        }

        private static Object cell(double value) {
            return Double.isNaN(value) ? "" : value;
        }
    }
}
