package dev.yardstick.report;

import dev.yardstick.report.BenchmarkReport.GateResult;
import dev.yardstick.report.BenchmarkReport.Lateness;
import dev.yardstick.report.BenchmarkReport.Step;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.MetricStat;
import dev.yardstick.stats.MetricSummary;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.TokenTotals;
import dev.yardstick.stats.RequestFlags;
import dev.yardstick.stats.Stat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark report as readers see it: the run's header, per step each model's distributions (one row per
 * {@link Metric}) and whole-step figures, the sweep at a glance, the gates, and the definitions.
 */
final class BenchmarkDocument {

    /** The figures the sweep grid shows per step: the typical and the tail first token and whole answer. */
    private static final List<MetricStat> SWEPT = List.of(new MetricStat(Stat.P50, Metric.TTFT),
            new MetricStat(Stat.P99, Metric.TTFT), new MetricStat(Stat.P50, Metric.ITL),
            new MetricStat(Stat.P50, Metric.E2E), new MetricStat(Stat.P99, Metric.E2E));

    /** The columns of every distribution's row, after its count. */
    private static final List<Stat> GRID_STATS = List.of(Stat.P50, Stat.P90, Stat.P95, Stat.P99, Stat.P999, Stat.MAX,
            Stat.MEAN, Stat.STDDEV);

    private final RunInfo run;
    private final List<ModelInfo> models;
    private final List<Step> steps;
    private final List<GateResult> gates;
    private final String stoppedEarly;
    private final List<String> notes;
    private final Map<String, String> definitions;
    private final List<WorkloadReport> workloads;
    private final BenchmarkReport report;

    BenchmarkDocument(BenchmarkReport report) {
        this.report = report;
        this.workloads = report.workloads() == null ? List.of() : report.workloads();
        this.run = report.run();
        this.models = report.models();
        this.steps = report.steps();
        this.gates = report.gates();
        this.stoppedEarly = report.stoppedEarly();
        this.notes = report.notes();
        this.definitions = report.definitions();
    }

    Document document() {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.KeyValues(header()));
        if (run.interrupted()) {
            blocks.add(new Document.Paragraph("Interrupted: this report holds the requests that finished.", true));
        }
        if (stoppedEarly != null) {
            blocks.add(new Document.Paragraph(stoppedEarly, true));
        }
        blocks.addAll(AnswerBlocks.aborted(report));
        blocks.addAll(AnswerBlocks.capacity(report.capacity()));
        for (Step step : steps) {
            blocks.addAll(stepBlocks(step));
        }
        workloads.forEach(w -> blocks.addAll(WorkloadDocument.blocks(w)));
        if (steps.size() > 1) {
            blocks.add(new Document.Heading("Sweep"));
            blocks.add(sweepGrid());
        }
        blocks.addAll(AnswerBlocks.timeSeries(report.timeSeries()));
        blocks.addAll(AnswerBlocks.serverMetrics(report.serverMetrics()));
        blocks.addAll(AnswerBlocks.costs(report.costs()));
        if (!gates.isEmpty()) {
            blocks.add(new Document.Heading("Gates"));
            blocks.addAll(gateBlocks());
        }
        for (String note : notes) {
            blocks.add(new Document.Paragraph(note));
        }
        if (steps.stream().flatMap(s -> s.models().stream()).anyMatch(BenchmarkDocument::lowSample)) {
            blocks.add(new Document.Paragraph("Fewer than " + MetricSummary.LOW_SAMPLE + " values in some"
                    + " distribution: its high percentiles are close to its maximum."));
        }
        blocks.add(new Document.Heading("Definitions"));
        blocks.add(new Document.KeyValues(definitions.entrySet().stream()
                .map(e -> new Document.KeyValue(e.getKey(), e.getValue())).toList()));
        String name = String.valueOf(run.settings().getOrDefault("name", ""));
        return new Document(name.isEmpty() || name.equals("benchmark") ? "Yardstick benchmark"
                : "Yardstick benchmark: " + name, blocks);
    }

    private List<Document.KeyValue> header() {
        List<Document.KeyValue> kv = new ArrayList<>();
        kv.add(new Document.KeyValue("models", String.join(", ", models.stream()
                .map(m -> m.model() + (m.synthetic() ? " (synthetic)" : "")).toList())));
        run.settings().forEach((key, value) -> {
            if (!key.equals("models") && !key.equals("name")) {
                kv.add(new Document.KeyValue(key, value instanceof List<?> list ? String.join("; ",
                        list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
            }
        });
        kv.add(new Document.KeyValue("tokens", String.join("; ", models.stream()
                .map(m -> m.model() + ": " + m.tokenSource() + " (" + m.tokenizer() + ")").toList())
                + "; server-reported usage wins where sent"));
        kv.add(new Document.KeyValue("started", run.startedAt() + ", ran "
                + Formats.ms(Duration.between(run.startedAt(), run.finishedAt()).toNanos() / 1e6)));
        run.clientWarmupLine().ifPresent(kv::add);
        return kv;
    }

    private List<Document.Block> stepBlocks(Step step) {
        List<Document.Block> blocks = new ArrayList<>();
        String shard = step.shardLoad() == null ? "" : " (this shard: " + step.shardLoad() + ")";
        blocks.add(new Document.Heading("Step " + step.number() + ": " + step.load() + shard
                + (step.arrival() == null ? "" : ", " + step.arrival() + " arrivals")
                + (step.partial() ? " (partial)" : "")));
        for (String warning : step.warnings()) {
            blocks.add(new Document.Paragraph(warning, true));
        }
        for (ModelStats stats : step.models()) {
            blocks.add(metricGrid(stats));
            blocks.add(new Document.KeyValues(figures(step, stats)));
            shortAnswers(stats).ifPresent(w -> blocks.add(new Document.Paragraph(w, true)));
        }
        if (step.models().isEmpty()) {
            blocks.add(new Document.Paragraph("No request of this step finished."));
        }
        blocks.addAll(EndpointBlocks.of(step));
        if (step.client() != null) {
            blocks.add(new Document.KeyValues(List.of(new Document.KeyValue("client", step.client().describe()))));
        }
        return blocks;
    }

    /** Every distribution of the model in {@link Metric} order; one meaningful only under load is left out if empty. */
    static Document.Grid metricGrid(ModelStats stats) {
        List<String> headers = new ArrayList<>(List.of(stats.model(), "n"));
        GRID_STATS.forEach(stat -> headers.add(stat.label()));
        headers.add("p50 95% CI");
        List<List<String>> rows = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            MetricSummary m = stats.metric(metric);
            if (m == null || m.count() == 0 && (metric.underLoadOnly() || metric.onlyWhenRecorded())) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(metric.label(), Long.toString(m.count())));
            GRID_STATS.forEach(stat -> row.add(Formats.figure(stat.of(m))));
            row.add(m.count() == 0 ? "–"
                    : Formats.figure(m.medianCiLow()) + "–" + Formats.figure(m.medianCiHigh()));
            rows.add(row);
        }
        return new Document.Grid(headers, rows, numericAfter(headers.size(), 1, headers.size()), false);
    }

    /** The output's split when some of it was reasoning: TPOT and tokens/s count both parts. */
    private static String reasoningPart(TokenTotals t) {
        return t.reasoning() == 0 ? "" : ", of which " + t.reasoning() + " reasoning ("
                + t.reasoningSources().label() + ") and " + t.visibleOutput() + " visible";
    }

    private static boolean lowSample(ModelStats stats) {
        MetricSummary e2e = stats.metric(Metric.E2E);
        return e2e != null && e2e.lowSample();
    }

    /** A warning when answers were shorter than the plan asked: its throughput came from shorter answers. */
    static Optional<String> shortAnswers(ModelStats stats) {
        RequestFlags f = stats.flags();
        if (f.outputTokensAsked() == null || f.shortOfAsked() == 0) {
            return Optional.empty();
        }
        return Optional.of(stats.model() + ": " + f.shortOfAsked() + " of " + stats.requests().succeeded()
                + " answers were shorter than the " + f.outputTokensAsked() + " output tokens asked (shortest "
                + f.shortestOutput() + "): its token rates and TPOT describe shorter answers than the plan's.");
    }

    private static List<Document.KeyValue> figures(Step step, ModelStats s) {
        List<Document.KeyValue> kv = new ArrayList<>();
        var r = s.requests();
        kv.add(new Document.KeyValue("requests", r.succeeded() + " ok, " + r.failed() + " failed of " + r.attempted()
                + " (error rate " + Formats.percent(s.errorRate()) + ")"
                + (r.warmupsSkipped() > 0 ? "; " + r.warmupsSkipped() + " warm-up not counted" : "")));
        if (!r.errors().isEmpty()) {
            kv.add(new Document.KeyValue("errors", String.join(", ", r.errors().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList())));
        }
        kv.add(new Document.KeyValue("throughput", Formats.number(s.requestThroughput(), 2) + " req/s, "
                + Formats.number(s.outputTokensPerSecond(), 1) + " output tokens/s"));
        kv.add(new Document.KeyValue("goodput", Formats.number(s.goodput(), 2) + " req/s, SLO attainment "
                + Formats.percent(s.sloAttainment()) + " (SLO " + s.slo() + ")"));
        kv.add(new Document.KeyValue("tokens", s.tokens().input() + " in (" + s.tokens().inputSources().label()
                + "), " + s.tokens().output() + " out (" + s.tokens().outputSources().label() + ")"
                + reasoningPart(s.tokens())));
        kv.add(new Document.KeyValue("window", Formats.number(s.windowSeconds(), 2) + " s"));
        if (s.flags().bursts() > 0) {
            kv.add(new Document.KeyValue("bursts", s.flags().bursts() + " answers arrived in one burst after a stall:"
                    + " left out of tokens/s per request"));
        }
        if (step.lateness() != null) {
            Lateness late = step.lateness();
            kv.add(new Document.KeyValue("late starts", late.lateStarts() + " of " + late.dispatched()
                    + (late.lateStarts() == 0 ? "" : " (max " + Formats.ms(late.maxLateMs()) + ", mean "
                    + Formats.ms(late.meanLateMs()) + ")")));
        }
        kv.add(new Document.KeyValue("budget", Formats.number(step.badPercent(), 1) + "% failed or missed an SLO"
                + (step.overBudget() ? ": OVER the error budget" : "")));
        return kv;
    }

    private Document.Grid sweepGrid() {
        List<String> headers = new ArrayList<>(List.of("step", "model", "ok/failed", "req/s", "tokens/s", "goodput"));
        SWEPT.forEach(figure -> headers.add(figure.metric().key().toUpperCase(Locale.ROOT) + " "
                + figure.stat().label()));
        headers.add("budget");
        List<List<String>> rows = new ArrayList<>();
        for (Step step : steps) {
            for (ModelStats s : step.models()) {
                List<String> row = new ArrayList<>(List.of(step.load() + (step.partial() ? " (partial)" : ""),
                        s.model(), s.requests().succeeded() + "/" + s.requests().failed(),
                        Formats.number(s.requestThroughput(), 2), Formats.number(s.outputTokensPerSecond(), 1),
                        Formats.number(s.goodput(), 2)));
                SWEPT.forEach(figure -> row.add(Formats.ms(figure.valueOf(s))));
                row.add(step.overBudget() ? "over" : "ok");
                rows.add(row);
            }
        }
        return new Document.Grid(headers, rows, numericAfter(headers.size(), 2, headers.size() - 1), false);
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) right-aligned. */
    private static List<Boolean> numericAfter(int columns, int from, int to) {
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            numeric.add(i >= from && i < to);
        }
        return numeric;
    }

    private List<Document.Block> gateBlocks() {
        long failed = gates.stream().filter(GateResult::failed).count();
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Paragraph(failed == 0 ? "All " + gates.size() + " gate checks passed."
                : "FAILED: " + failed + " of " + gates.size() + " gate checks.", failed > 0));
        List<List<String>> rows = new ArrayList<>();
        for (GateResult g : gates) {
            rows.add(List.of(g.failed() ? "FAIL" : "pass", g.gate(), g.step(), g.model(), g.message()));
        }
        blocks.add(new Document.Grid(List.of("result", "gate", "step", "model", "detail"), rows,
                List.of(false, false, false, false, false), true));
        return blocks;
    }
}
