package dev.yardstick.report;

import dev.yardstick.stats.TimeSeries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of a benchmark document that answer questions about the run as a whole: why it was aborted, the
 * capacity search, the figures over time, the server's own metrics beside the client's, and the cost.
 */
final class AnswerBlocks {

    /** Longer series are left to the JSON report and {@code --timeseries}: a table of them would bury the rest. */
    static final int MAX_SECONDS_SHOWN = 120;

    private AnswerBlocks() {
    }

    static List<Document.Block> aborted(BenchmarkReport report) {
        return report.aborted() == null ? List.of()
                : List.of(new Document.Paragraph(report.aborted().describe(), true));
    }

    static List<Document.Block> capacity(CapacityResult c) {
        if (c == null) {
            return List.of();
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Capacity"));
        blocks.add(new Document.Paragraph(c.conclusion(), true));
        List<List<String>> rows = new ArrayList<>();
        for (CapacityResult.Probe p : c.probes()) {
            rows.add(List.of(Integer.toString(p.number()), rate(p.rate()), Long.toString(p.requests()),
                    Long.toString(p.metSlo()), Formats.percent(p.attainment()),
                    Formats.percent(p.low()) + "–" + Formats.percent(p.high()), p.verdict()));
        }
        blocks.add(new Document.Grid(List.of("probe", "req/s", "requests", "met SLO", "attainment",
                pct(c.confidence()) + " CI", "verdict"), rows,
                List.of(true, true, true, true, true, false, false), false));
        blocks.add(new Document.Paragraph("Rule: " + c.rule()));
        return blocks;
    }

    static List<Document.Block> timeSeries(List<TimeSeries> all) {
        List<Document.Block> blocks = new ArrayList<>();
        for (TimeSeries series : all) {
            if (series.seconds().isEmpty()) {
                continue;
            }
            blocks.add(new Document.Heading("Over time: " + series.step()));
            if (series.seconds().size() > MAX_SECONDS_SHOWN) {
                blocks.add(new Document.Paragraph(series.seconds().size() + " seconds: see the JSON report or"
                        + " --timeseries FILE for each."));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (TimeSeries.Second s : series.seconds()) {
                rows.add(List.of(Integer.toString(s.second()), Long.toString(s.ended()), Long.toString(s.errors()),
                        Formats.number(s.throughput(), 1), Formats.number(s.outputTokensPerSecond(), 0),
                        ms(s.ttftP50()), ms(s.ttftP90()), ms(s.ttftP99()), ms(s.e2eP50()), ms(s.e2eP99()),
                        Integer.toString(s.inFlight())));
            }
            blocks.add(new Document.Grid(List.of("s", "ended", "errors", "req/s", "tok/s", "TTFT p50", "TTFT p90",
                    "TTFT p99", "E2E p50", "E2E p99", "in flight"), rows, Collections.nCopies(11, true), false));
        }
        return blocks;
    }

    static List<Document.Block> serverMetrics(ServerMetricsResult m) {
        if (m == null) {
            return List.of();
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Server metrics (" + m.server() + ")"));
        blocks.add(new Document.KeyValues(List.of(new Document.KeyValue("scraped", m.url() + " every "
                + Formats.number(m.intervalSeconds(), 1) + " s: " + m.scrapes() + " scrapes"
                + (m.failedScrapes() > 0 ? ", " + m.failedScrapes() + " failed" : "")))));
        if (m.ttft() != null) {
            ServerMetricsResult.TtftBeside t = m.ttft();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("server", Long.toString(t.serverCount()), ms(t.serverP50()), ms(t.serverP90()),
                    ms(t.serverP99())));
            rows.add(List.of("client", Long.toString(t.clientCount()), ms(t.clientP50()), ms(t.clientP90()),
                    ms(t.clientP99())));
            rows.add(List.of("gap (client − server)", "", gap(t.clientP50(), t.serverP50()),
                    gap(t.clientP90(), t.serverP90()), gap(t.clientP99(), t.serverP99())));
            blocks.add(new Document.Grid(List.of("TTFT", "n", "p50", "p90", "p99"), rows,
                    List.of(false, true, true, true, true), false));
        }
        Map<String, double[]> ranges = new TreeMap<>();
        for (ServerMetricsResult.Point p : m.points()) {
            p.values().forEach((name, v) -> ranges.merge(name, new double[] {v, v, v, 1},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2], a[3] + 1}));
        }
        if (!ranges.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            ranges.forEach((name, r) -> rows.add(List.of(name, Formats.figure(r[0]), Formats.figure(r[2] / r[3]),
                    Formats.figure(r[1]))));
            blocks.add(new Document.Grid(List.of("server metric", "min", "mean", "max"), rows,
                    List.of(false, true, true, true), false));
        }
        m.notes().forEach(n -> blocks.add(new Document.Paragraph(n)));
        return blocks;
    }

    static List<Document.Block> costs(List<BenchmarkCost> costs) {
        if (costs.isEmpty()) {
            return List.of();
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Cost"));
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BenchmarkCost c : costs) {
            rows.add(List.of(c.step(), c.model(), Formats.number(c.meanInputTokens(), 0) + " / "
                    + Formats.number(c.meanOutputTokens(), 0), Formats.usd(c.perRequest()),
                    Formats.usd(c.perThousand()), Formats.usd(c.perHour()) + (c.perHour() == null ? ""
                            : " at " + Formats.number(c.throughput(), 2) + " req/s")));
            if (c.price() != null && c.price().priced()) {
                String line = "Price: " + c.price().describe();
                if (!notes.contains(line)) {
                    notes.add(line);
                }
            }
            if (c.note() != null && !notes.contains(c.model() + ": " + c.note())) {
                notes.add(c.model() + ": " + c.note());
            }
        }
        blocks.add(new Document.Grid(List.of("step", "model", "tokens in / out", "per request", "per 1,000",
                "per hour"), rows, List.of(false, false, true, true, true, true), false));
        notes.forEach(n -> blocks.add(new Document.Paragraph(n)));
        return blocks;
    }

    private static String ms(Double millis) {
        return millis == null ? "–" : Formats.ms(millis);
    }

    private static String gap(Double client, Double server) {
        return client == null || server == null ? "–" : Formats.ms(client - server);
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%.2f", rate);
    }

    private static String pct(double fraction) {
        return rate(fraction * 100) + "%";
    }
}
