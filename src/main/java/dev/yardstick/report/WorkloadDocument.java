package dev.yardstick.report;

import dev.yardstick.report.WorkloadReport.Latencies;
import java.util.ArrayList;
import java.util.List;

/** A step's workload figures as readers see them: the trace replayed, sessions by turn, prefix hits, lengths. */
final class WorkloadDocument {

    private static final List<String> LATENCY_HEADERS = List.of("n", "p50", "p90", "p99", "max", "mean");

    private WorkloadDocument() {
    }

    static List<Document.Block> blocks(WorkloadReport w) {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Step " + w.step() + ": workload"));
        List<Document.KeyValue> kv = new ArrayList<>();
        if (w.trace() != null) {
            var t = w.trace();
            kv.add(new Document.KeyValue("trace", t.file() + " (" + t.format() + "): " + t.requests() + " requests over "
                    + Formats.number(t.spanSeconds(), 2) + " s at time scale " + Formats.figure(t.timeScale())
                    + (t.blocks() == 0 ? "" : "; " + t.blocks() + " prefix blocks, " + t.repeatedBlocks()
                    + " repeating an earlier block")));
        }
        if (w.sessions() != null) {
            var s = w.sessions();
            kv.add(new Document.KeyValue("sessions", s.completed() + " of " + s.started() + " completed all "
                    + s.turnsPerSession() + " turns; " + s.turnsCompleted() + " turns succeeded; think time "
                    + s.thinkTime()));
            kv.add(new Document.KeyValue("session duration", latencies(s.duration())));
        }
        if (w.prefix() != null) {
            var p = w.prefix();
            kv.add(new Document.KeyValue("shared prefix", p.tokens() + " tokens, shared by "
                    + Formats.percent(p.share()) + " of requests"));
        }
        if (w.outputLength() != null) {
            var o = w.outputLength();
            kv.add(new Document.KeyValue("output length", o.checked() + " answers checked, " + o.unmet()
                    + " not of the length asked (" + o.shorter() + " shorter, " + o.longer() + " longer); "
                    + String.join("; ", o.how())));
        }
        blocks.add(new Document.KeyValues(kv));
        if (w.outputLength() != null && w.outputLength().unmet() > 0) {
            blocks.add(new Document.Paragraph(w.outputLength().unmet() + " answer(s) were not of the exact length"
                    + " asked: their token rates describe other lengths than the plan's.", true));
        }
        if (w.sessions() != null) {
            List<List<String>> rows = new ArrayList<>();
            for (WorkloadReport.Turn t : w.sessions().turns()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(t.turn()), t.succeeded() + "/" + t.failed(),
                        Formats.number(t.meanInputTokens(), 0)));
                row.addAll(cells(t.ttft()).subList(1, 4));
                row.addAll(cells(t.e2e()).subList(1, 4));
                rows.add(row);
            }
            List<String> headers = List.of("turn", "ok/failed", "input tokens", "TTFT p50", "TTFT p90", "TTFT p99",
                    "E2E p50", "E2E p90", "E2E p99");
            blocks.add(new Document.Grid(headers, rows, numeric(headers.size(), 1), false));
            blocks.add(new Document.Paragraph("By turn: each turn carries the conversation before it (the earlier"
                    + " questions and answers), so its input grows; TTFT and E2E count from the turn's scheduled start"
                    + " (open loop: the previous answer plus the think time). Session duration: first turn's scheduled"
                    + " start to the last answer, completed sessions only; a failed turn ends its session."));
        }
        if (w.prefix() != null) {
            List<String> headers = new ArrayList<>(List.of("TTFT of"));
            headers.addAll(LATENCY_HEADERS);
            List<List<String>> rows = new ArrayList<>();
            rows.add(withFirst("shared prefix (hit-eligible)", cells(w.prefix().eligible())));
            rows.add(withFirst("own prefix (cold)", cells(w.prefix().cold())));
            blocks.add(new Document.Grid(headers, rows, numeric(headers.size(), 1), false));
            blocks.add(new Document.Paragraph("Hit-eligible requests begin with the shared prefix byte for byte, so a"
                    + " server with prefix caching can skip its prefill; cold ones begin with as many tokens of their"
                    + " own. The gap between the two TTFTs is what the cache saves (none without one)."));
        }
        return blocks;
    }

    private static String latencies(Latencies l) {
        return l.count() == 0 ? "–" : "p50 " + Formats.ms(l.p50Ms()) + ", p90 " + Formats.ms(l.p90Ms()) + ", max "
                + Formats.ms(l.maxMs()) + " (" + l.count() + ")";
    }

    private static List<String> cells(Latencies l) {
        return List.of(Long.toString(l.count()), Formats.ms(l.p50Ms()), Formats.ms(l.p90Ms()), Formats.ms(l.p99Ms()),
                Formats.ms(l.maxMs()), Formats.ms(l.meanMs()));
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> row = new ArrayList<>(List.of(first));
        row.addAll(rest);
        return row;
    }

    private static List<Boolean> numeric(int columns, int from) {
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            numeric.add(i >= from);
        }
        return numeric;
    }
}
