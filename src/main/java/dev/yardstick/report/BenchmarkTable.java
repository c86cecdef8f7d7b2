package dev.yardstick.report;

import dev.yardstick.report.BenchmarkReport.Step;
import dev.yardstick.stats.MetricSummary;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.Rate;
import dev.yardstick.watch.ClientUsage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark report as one flat table (CSV): one row per step, model and figure, every distribution with all its
 * statistics, then the whole-step figures (throughput, goodput, error rate, ...) and counts in {@code value}, then
 * the client's own usage.
 */
final class BenchmarkTable {

    /** mean, stddev, min, p50, p90, p95, p99, p99.9, max and the median's interval. */
    private static final int STAT_COLUMNS = 11;

    private BenchmarkTable() {
    }

    static Tabular of(BenchmarkReport report) {
        List<String> headers = List.of("step", "load", "shard_load", "model", "figure", "unit", "value", "count",
                "mean", "stddev", "min", "p50", "p90", "p95", "p99", "p999", "max", "median_ci_low", "median_ci_high");
        List<List<Object>> rows = new ArrayList<>();
        for (Step step : report.steps()) {
            for (ModelStats s : withEndpoints(step)) {
                for (MetricSummary m : s.shownMetrics()) {
                    rows.add(row(step, s, m.metric().key(), m.unit(), null, m.count(), m.mean(), m.stddev(), m.min(),
                            m.p50(), m.p90(), m.p95(), m.p99(), m.p999(), m.max(), m.medianCiLow(), m.medianCiHigh()));
                }
                for (Rate rate : Rate.values()) {
                    rows.add(row(step, s, rate.label(), rate.unit(), rate.valueOf(s), null));
                }
                for (Map.Entry<String, Number> count : counts(step, s).entrySet()) {
                    rows.add(row(step, s, count.getKey(), "count", count.getValue(), null));
                }
            }
            if (step.endpoints() != null) {
                for (EndpointStats e : step.endpoints()) {
                    if (e.stats() != null) {
                        rows.add(row(step, e.stats(), "ejected", "count", e.ejected(), null));
                        rows.add(row(step, e.stats(), "readmitted", "count", e.readmitted(), null));
                    }
                }
            }
            if (step.client() != null) {
                ClientUsage c = step.client();
                rows.add(clientRow(step, "client_cpu", "% of a core", c.cpuPercentOfCore()));
                rows.add(clientRow(step, "client_cpu_per_request", "µs", c.cpuMicrosPerRequest()));
                rows.add(clientRow(step, "client_heap_peak", "bytes", c.heapPeakBytes()));
                if (c.rssPeakBytes() != null) {
                    rows.add(clientRow(step, "client_rss_peak", "bytes", c.rssPeakBytes()));
                }
                if (c.lag() != null) {
                    rows.add(clientRow(step, "client_lag_p99", "ms", c.lag().p99Ms()));
                }
                rows.add(clientRow(step, "client_saturated", "flag", c.saturated() ? 1 : 0));
            }
        }
        rows.addAll(WorkloadTable.rows(report));
        rows.addAll(AnswerRows.of(report, headers.size()));
        return new Tabular(headers, rows);
    }

    /** The step's models, then each pool's endpoints (their model reads {@code pool:NAME @ endpoint}). */
    private static List<ModelStats> withEndpoints(Step step) {
        List<ModelStats> all = new ArrayList<>(step.models());
        if (step.endpoints() != null) {
            step.endpoints().stream().map(EndpointStats::stats).filter(java.util.Objects::nonNull).forEach(all::add);
        }
        return all;
    }

    private static Map<String, Number> counts(Step step, ModelStats s) {
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("requests_attempted", s.requests().attempted());
        counts.put("requests_succeeded", s.requests().succeeded());
        counts.put("requests_failed", s.requests().failed());
        s.requests().errors().forEach((errorClass, n) -> counts.put("errors_" + errorClass, n));
        counts.put("input_tokens", s.tokens().input());
        counts.put("output_tokens", s.tokens().output());
        if (s.tokens().reasoning() > 0) {
            counts.put("reasoning_tokens", s.tokens().reasoning());
        }
        counts.put("bursts", s.flags().bursts());
        if (s.flags().outputTokensAsked() != null) {
            counts.put("short_of_asked_output", s.flags().shortOfAsked());
        }
        if (step.lateness() != null) {
            counts.put("late_starts", step.lateness().lateStarts());
        }
        return counts;
    }

    private static List<Object> row(Step step, ModelStats s, String figure, String unit, Number value, Long count,
                                    double... stats) {
        List<Object> row = new ArrayList<>();
        row.add(step.number());
        row.add(step.load());
        row.add(step.shardLoad() == null ? "" : step.shardLoad());
        row.add(s.model());
        row.add(figure);
        row.add(unit);
        row.add(cell(value));
        row.add(count == null ? "" : count);
        for (int i = 0; i < STAT_COLUMNS; i++) {
            row.add(i < stats.length ? cell(stats[i]) : "");
        }
        return row;
    }

    private static List<Object> clientRow(Step step, String figure, String unit, Number value) {
        List<Object> row = new ArrayList<>();
        row.add(step.number());
        row.add(step.load());
        row.add(step.shardLoad() == null ? "" : step.shardLoad());
        row.add("(client)");
        row.add(figure);
        row.add(unit);
        row.add(cell(value));
        row.add("");
        for (int i = 0; i < STAT_COLUMNS; i++) {
            row.add("");
        }
        return row;
    }

    private static Object cell(Number value) {
        return value == null || value instanceof Double d && (d.isNaN() || d.isInfinite()) ? "" : value;
    }
}
