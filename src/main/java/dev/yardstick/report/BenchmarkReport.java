package dev.yardstick.report;

import dev.yardstick.stats.Metric;
import dev.yardstick.stats.MetricSummary;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RetryFreeLatency;
import dev.yardstick.stats.Rate;
import dev.yardstick.stats.RequestFlags;
import dev.yardstick.stats.SourceCounts;
import dev.yardstick.stats.Bursts;
import dev.yardstick.watch.ClientUsage;
import dev.yardstick.watch.Saturation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@code yardstick benchmark}: per step of the load (one, or one per sweep value) and per model, the
 * full statistics with every histogram in HdrHistogram's compressed base64 form (so shards merge exactly), the
 * open-loop lateness, the plan it ran ({@link RunInfo#settings()}, in scenario-file form), the gates and their
 * verdicts, and the definition of every figure. {@code report merge} and {@code report diff} read it back.
 *
 * @param steps        the steps that ran, in order (a sweep that stopped early has fewer than its plan)
 * @param gates        every gate check: each threshold per step and model, and the regression gate's findings
 * @param stoppedEarly why a sweep stopped before its last step, null when it did not
 * @param notes        what a reader must know to trust the numbers (merged shards, a gate not judged, ...)
 */
public record BenchmarkReport(RunInfo run, List<ModelInfo> models, List<Step> steps, List<GateResult> gates,
                              String stoppedEarly, List<String> notes, Map<String, String> definitions)
        implements Report {

    /** mean, stddev, min, p50, p90, p95, p99, p99.9, max and the median's interval. */
    private static final int STAT_COLUMNS = 11;

    public BenchmarkReport {
        models = List.copyOf(models);
        steps = List.copyOf(steps);
        gates = List.copyOf(gates);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * One step's results.
     *
     * @param number      1-based
     * @param load        the plan's load for the step, {@code concurrency=8} or {@code rate=20/s}
     * @param shardLoad   this shard's part of it, null when the run was not a shard
     * @param arrival     open loop: {@code constant} or {@code poisson}; null in closed loop
     * @param lateness    open loop: requests sent later than scheduled; null in closed loop
     * @param badPercent  the worst model's share of requests that failed or missed an SLO, in percent
     * @param overBudget  {@code badPercent} exceeded the error budget (a sweep stops after such a step)
     * @param client      what the client itself used over the step, null where not watched (older reports)
     * @param partial     a merged step that only some of the merged reports ran: its figures cover part of the load
     * @param warnings    what makes the step's figures suspect (a saturated client, shards that did not run at the
     *                    same time, a partial step)
     * @param withoutRetries each model's latency of the answering try alone; null when no request was retried
     */
    public record Step(int number, String load, String shardLoad, String arrival, Lateness lateness,
                       List<ModelStats> models, double badPercent, boolean overBudget, ClientUsage client,
                       boolean partial, List<String> warnings, List<RetryFreeLatency> withoutRetries) {
        public Step {
            models = List.copyOf(models);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** A step as measured, before the client's usage is known or any warning judged. */
        public Step(int number, String load, String shardLoad, String arrival, Lateness lateness,
                    List<ModelStats> models, double badPercent, boolean overBudget) {
            this(number, load, shardLoad, arrival, lateness, models, badPercent, overBudget, null, false, List.of(),
                    null);
        }

        /** A step as merged or read back, its figures with retries only. */
        public Step(int number, String load, String shardLoad, String arrival, Lateness lateness,
                    List<ModelStats> models, double badPercent, boolean overBudget, ClientUsage client,
                    boolean partial, List<String> warnings) {
            this(number, load, shardLoad, arrival, lateness, models, badPercent, overBudget, client, partial,
                    warnings, null);
        }

        /** This step with its latency without retries (null when none was retried). */
        public Step withoutRetries(List<RetryFreeLatency> figures) {
            return new Step(number, load, shardLoad, arrival, lateness, models, badPercent, overBudget, client,
                    partial, warnings, figures);
        }

        /** This step with the client's usage, warning when the client was saturated. */
        public Step watched(ClientUsage usage) {
            List<String> all = new ArrayList<>(warnings);
            if (usage != null && usage.saturated()) {
                all.add(usage.warning());
            }
            return new Step(number, load, shardLoad, arrival, lateness, models, badPercent, overBudget, usage, partial,
                    all, withoutRetries);
        }
    }

    /**
     * Open-loop requests that started late: a free slot or the machine itself held them past their scheduled time
     * by more than 1 ms. Their latency still counts from the scheduled time; this says how far the generator fell
     * behind the schedule it promised. Every count is of measured requests: warm-ups are left out.
     */
    public record Lateness(long dispatched, long completed, long lateStarts, double maxLateMs, double totalLateMs) {

        public Lateness plus(Lateness other) {
            return new Lateness(dispatched + other.dispatched, completed + other.completed,
                    lateStarts + other.lateStarts, Math.max(maxLateMs, other.maxLateMs), totalLateMs + other.totalLateMs);
        }

        double meanLateMs() {
            return lateStarts == 0 ? 0 : totalLateMs / lateStarts;
        }
    }

    /**
     * One gate check.
     *
     * @param gate     the gate as typed ({@code p95(ttft) > 800ms}) or {@code max-regression 10%}
     * @param step     the step's load label
     * @param failed   the run fails on it (exit code 1)
     * @param message  one line: the figure and its limit, or what regressed by how much
     */
    public record GateResult(String gate, String step, String model, boolean failed, String message) {
    }

    /**
     * Where a model's token counts came from, as its successful samples over every step say ({@code reported},
     * {@code counted}, {@code estimated} or {@code mixed: ...} with counts); empty when none succeeded.
     */
    public static java.util.Optional<String> tokenSource(List<Step> steps, String model) {
        SourceCounts input = SourceCounts.NONE;
        SourceCounts output = SourceCounts.NONE;
        for (Step step : steps) {
            for (ModelStats stats : step.models()) {
                if (stats.model().equals(model)) {
                    input = input.plus(stats.tokens().inputSources());
                    output = output.plus(stats.tokens().outputSources());
                }
            }
        }
        return SourceCounts.describe(input, output);
    }

    /** True when any gate check failed. */
    public boolean anyGateFailed() {
        return gates.stream().anyMatch(GateResult::failed);
    }

    /** True when at least one request of any step succeeded. */
    public boolean measuredAnything() {
        return steps.stream().flatMap(s -> s.models().stream()).anyMatch(m -> m.requests().succeeded() > 0);
    }

    @Override
    public Document document() {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.KeyValues(header()));
        if (run.interrupted()) {
            blocks.add(new Document.Paragraph("Interrupted: this report holds the requests that finished.", true));
        }
        if (stoppedEarly != null) {
            blocks.add(new Document.Paragraph(stoppedEarly, true));
        }
        for (Step step : steps) {
            blocks.addAll(stepBlocks(step));
        }
        if (steps.size() > 1) {
            blocks.add(new Document.Heading("Sweep"));
            blocks.add(sweepGrid());
        }
        if (!gates.isEmpty()) {
            blocks.add(new Document.Heading("Gates"));
            blocks.addAll(gateBlocks());
        }
        for (String note : notes) {
            blocks.add(new Document.Paragraph(note));
        }
        if (steps.stream().flatMap(s -> s.models().stream()).anyMatch(m -> m.e2e() != null && m.e2e().lowSample())) {
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
        if (step.client() != null) {
            blocks.add(new Document.KeyValues(List.of(new Document.KeyValue("client", step.client().describe()))));
        }
        return blocks;
    }

    private static Document.Grid metricGrid(ModelStats stats) {
        List<String> headers = List.of(stats.model(), "n", "p50", "p90", "p95", "p99", "p99.9", "max", "mean",
                "stddev", "p50 95% CI");
        List<List<String>> rows = new ArrayList<>();
        for (Metric metric : List.of(Metric.TTFT, Metric.ITL, Metric.TPOT, Metric.E2E, Metric.QUEUE,
                Metric.OUTPUT_RATE)) {
            MetricSummary m = stats.metric(metric);
            if (m == null || m.count() == 0 && metric == Metric.QUEUE) {
                continue;
            }
            rows.add(List.of(rowLabel(metric), Long.toString(m.count()), fig(m.p50()), fig(m.p90()), fig(m.p95()),
                    fig(m.p99()), fig(m.p999()), fig(m.max()), fig(m.mean()), fig(m.stddev()),
                    m.count() == 0 ? "–" : fig(m.medianCiLow()) + "–" + fig(m.medianCiHigh())));
        }
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            numeric.add(i > 0);
        }
        return new Document.Grid(headers, rows, numeric, false);
    }

    /** A warning when answers were shorter than the plan asked: its throughput came from shorter answers. */
    static java.util.Optional<String> shortAnswers(ModelStats stats) {
        RequestFlags f = stats.flags();
        if (f.outputTokensAsked() == null || f.shortOfAsked() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(stats.model() + ": " + f.shortOfAsked() + " of " + stats.requests().succeeded()
                + " answers were shorter than the " + f.outputTokensAsked() + " output tokens asked (shortest "
                + f.shortestOutput() + "): its token rates and TPOT describe shorter answers than the plan's.");
    }

    private static String rowLabel(Metric metric) {
        return switch (metric) {
            case OUTPUT_RATE -> "tokens/s per request";
            case QUEUE -> "queue (ms)";
            default -> metric.key().toUpperCase(Locale.ROOT) + " (ms)";
        };
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
                + "), " + s.tokens().output() + " out (" + s.tokens().outputSources().label() + ")"));
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
        List<String> headers = List.of("step", "model", "ok/failed", "req/s", "tokens/s", "goodput", "TTFT p50",
                "TTFT p99", "ITL p50", "E2E p50", "E2E p99", "budget");
        List<List<String>> rows = new ArrayList<>();
        for (Step step : steps) {
            for (ModelStats s : step.models()) {
                rows.add(List.of(step.load() + (step.partial() ? " (partial)" : ""), s.model(),
                        s.requests().succeeded() + "/" + s.requests().failed(),
                        Formats.number(s.requestThroughput(), 2), Formats.number(s.outputTokensPerSecond(), 1),
                        Formats.number(s.goodput(), 2), ms(s.ttft().p50()), ms(s.ttft().p99()), ms(s.itl().p50()),
                        ms(s.e2e().p50()), ms(s.e2e().p99()), step.overBudget() ? "over" : "ok"));
            }
        }
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            numeric.add(i >= 2 && i < headers.size() - 1);
        }
        return new Document.Grid(headers, rows, numeric, false);
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

    /** Latencies in a grid cell: milliseconds without the unit, precise to the figure's size. */
    private static String fig(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Formats.number(value, value >= 100 ? 0 : value >= 10 ? 1 : 2);
    }

    private static String ms(double millis) {
        return Formats.ms(millis);
    }

    /**
     * One row per step, model and figure: every distribution with all its statistics, then the whole-step figures
     * (throughput, goodput, error rate, ...) and counts in {@code value}.
     */
    @Override
    public Tabular tabular() {
        List<String> headers = List.of("step", "load", "shard_load", "model", "figure", "unit", "value", "count",
                "mean", "stddev", "min", "p50", "p90", "p95", "p99", "p999", "max", "median_ci_low", "median_ci_high");
        List<List<Object>> rows = new ArrayList<>();
        for (Step step : steps) {
            for (ModelStats s : step.models()) {
                for (MetricSummary m : s.metrics()) {
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
        return new Tabular(headers, rows);
    }

    private static Map<String, Number> counts(Step step, ModelStats s) {
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("requests_attempted", s.requests().attempted());
        counts.put("requests_succeeded", s.requests().succeeded());
        counts.put("requests_failed", s.requests().failed());
        s.requests().errors().forEach((errorClass, n) -> counts.put("errors_" + errorClass, n));
        counts.put("input_tokens", s.tokens().input());
        counts.put("output_tokens", s.tokens().output());
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

    /** What every figure means, printed with every report so its numbers line up with other tools'. */
    public static Map<String, String> standardDefinitions() {
        Map<String, String> d = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            d.put(metric.key(), metric.formula());
        }
        d.put("window", ModelStats.WINDOW_FORMULA);
        d.put("throughput", ModelStats.THROUGHPUT_FORMULA);
        d.put("output_tps", ModelStats.OUTPUT_TPS_FORMULA);
        d.put("goodput", ModelStats.GOODPUT_FORMULA);
        d.put("slo_attainment", ModelStats.SLO_ATTAINMENT_FORMULA);
        d.put("error_rate", ModelStats.ERROR_RATE_FORMULA + "; errors by class: rate-limited (429), http-4xx, "
                + "http-5xx, timeout, connection, malformed-stream, other");
        d.put("tokens", "server-reported usage where sent, else counted with the model's tokenizer, else estimated;"
                + " the source is given beside every total");
        d.put("late starts", "open loop: requests sent more than 1 ms after their scheduled time (a slot or the"
                + " machine held them); their latency still counts from the scheduled time");
        d.put("budget", "a step's share of requests that failed or missed an SLO; a sweep stops after a step over"
                + " the error budget");
        d.put("percentiles", "HdrHistogram, 1 µs resolution, 3 significant digits; the median's 95% interval from"
                + " order statistics; histograms kept in compressed base64 so shards merge exactly");
        d.put("bursts", "successful requests whose content arrived in " + Bursts.rule() + "; counted apart and"
                + " left out of the per-request output rate (their decode time is the time to read a buffer)");
        d.put("short answers", "successes with fewer output tokens than --output-tokens asked, counted per model");
        d.put("client", "Yardstick's own process over the step: CPU time / wall time (% of one core; in-process"
                + " models' work included), CPU µs per request ended, peak heap in use, peak RSS (VmHWM); "
                + Saturation.rule());
        return d;
    }
}
