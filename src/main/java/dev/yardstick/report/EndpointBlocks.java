package dev.yardstick.report;

import dev.yardstick.report.BenchmarkReport.Step;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.MetricStat;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.Stat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's pools broken down per endpoint: first each endpoint's share of the requests, errors, headline latencies
 * and ejections side by side, then every distribution of each endpoint, as the pool's own are shown.
 */
final class EndpointBlocks {

    private static final List<MetricStat> HEADLINE = List.of(new MetricStat(Stat.P50, Metric.TTFT),
            new MetricStat(Stat.P95, Metric.TTFT), new MetricStat(Stat.P50, Metric.E2E),
            new MetricStat(Stat.P95, Metric.E2E));

    private EndpointBlocks() {
    }

    static List<Document.Block> of(Step step) {
        return of(step.endpoints(), " in this step");
    }

    /** @param span what the ejection count covers, as the sentence ends: {@code " in this step"} */
    static List<Document.Block> of(List<EndpointStats> all, String span) {
        if (all == null || all.isEmpty()) {
            return List.of();
        }
        Map<String, List<EndpointStats>> byPool = new LinkedHashMap<>();
        all.forEach(e -> byPool.computeIfAbsent(e.pool(), k -> new ArrayList<>()).add(e));
        List<Document.Block> blocks = new ArrayList<>();
        byPool.forEach((pool, endpoints) -> {
            long ejected = endpoints.stream().mapToLong(EndpointStats::ejected).sum();
            blocks.add(new Document.Paragraph(pool + " per endpoint: " + ejected + " ejection"
                    + (ejected == 1 ? "" : "s") + span));
            blocks.add(summary(endpoints));
            endpoints.stream().map(EndpointStats::stats).filter(s -> s != null)
                    .forEach(s -> blocks.add(BenchmarkDocument.metricGrid(s)));
        });
        return blocks;
    }

    private static Document.Grid summary(List<EndpointStats> endpoints) {
        List<String> headers = new ArrayList<>(List.of("endpoint", "share", "ok/failed", "error rate", "req/s"));
        HEADLINE.forEach(f -> headers.add(f.metric().key().toUpperCase(java.util.Locale.ROOT) + " " + f.stat().label()));
        headers.addAll(List.of("ejected", "readmitted"));
        long all = endpoints.stream().filter(e -> e.stats() != null)
                .mapToLong(e -> e.stats().requests().attempted()).sum();
        List<List<String>> rows = new ArrayList<>();
        for (EndpointStats e : endpoints) {
            ModelStats s = e.stats();
            List<String> row = new ArrayList<>(List.of(e.endpoint()));
            if (s == null) {
                row.addAll(List.of("0%", "0/0", "–", "–"));
                HEADLINE.forEach(f -> row.add("–"));
            } else {
                row.add(Formats.percent(all == 0 ? 0 : (double) s.requests().attempted() / all));
                row.add(s.requests().succeeded() + "/" + s.requests().failed());
                row.add(Formats.percent(s.errorRate()));
                row.add(Formats.number(s.requestThroughput(), 2));
                HEADLINE.forEach(f -> row.add(Formats.ms(f.valueOf(s))));
            }
            row.add(Long.toString(e.ejected()));
            row.add(Long.toString(e.readmitted()));
            rows.add(row);
        }
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            numeric.add(i > 0);
        }
        return new Document.Grid(headers, rows, numeric, false);
    }
}
