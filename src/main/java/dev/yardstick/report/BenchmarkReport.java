package dev.yardstick.report;

import dev.yardstick.stats.Metric;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RetryFreeLatency;
import dev.yardstick.watch.ClientUsage;
import dev.yardstick.stats.SourceCounts;
import dev.yardstick.stats.TimeSeries;
import dev.yardstick.stats.Bursts;
import dev.yardstick.watch.Saturation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param workloads    per step, what a trace, sessions, a shared prefix or forced output lengths add; null for none
 * @param aborted      why {@code --abort-if} stopped the run, null when it did not
 * @param capacity     what {@code --find-max-rate} found, null without a search
 * @param timeSeries   each step's per-second figures (empty in reports that kept none)
 * @param serverMetrics the server's own metrics over the run, null without {@code --server-metrics}
 * @param costs        each step's and model's cost at the measured tokens and throughput (empty: not costed)
 */
public record BenchmarkReport(RunInfo run, List<ModelInfo> models, List<Step> steps, List<GateResult> gates,
                              String stoppedEarly, List<String> notes, Map<String, String> definitions,
                              List<WorkloadReport> workloads, AbortReason aborted, CapacityResult capacity,
                              List<TimeSeries> timeSeries, ServerMetricsResult serverMetrics,
                              List<BenchmarkCost> costs)
        implements Report {

    public BenchmarkReport {
        models = List.copyOf(models);
        steps = List.copyOf(steps);
        gates = List.copyOf(gates);
        notes = notes == null ? List.of() : List.copyOf(notes);
        workloads = workloads == null || workloads.isEmpty() ? null : List.copyOf(workloads);
        timeSeries = timeSeries == null ? List.of() : List.copyOf(timeSeries);
        costs = costs == null ? List.of() : List.copyOf(costs);
    }

    /** A report of plain requests. */
    public BenchmarkReport(RunInfo run, List<ModelInfo> models, List<Step> steps, List<GateResult> gates,
                           String stoppedEarly, List<String> notes, Map<String, String> definitions) {
        this(run, models, steps, gates, stoppedEarly, notes, definitions, null);
    }

    /** A report without the answers of a single run (a merge of shards, a report read back from before them). */
    public BenchmarkReport(RunInfo run, List<ModelInfo> models, List<Step> steps, List<GateResult> gates,
                           String stoppedEarly, List<String> notes, Map<String, String> definitions,
                           List<WorkloadReport> workloads) {
        this(run, models, steps, gates, stoppedEarly, notes, definitions, workloads, null, null, List.of(), null,
                List.of());
    }

    /** This report with the costs of its steps. */
    public BenchmarkReport withCosts(List<BenchmarkCost> stepCosts) {
        return new BenchmarkReport(run, models, steps, gates, stoppedEarly, notes, definitions, workloads, aborted,
                capacity, timeSeries, serverMetrics, stepCosts);
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
     * @param endpoints   each pool's figures per endpoint, with its ejections; null when no model was a pool
     */
    public record Step(int number, String load, String shardLoad, String arrival, Lateness lateness,
                       List<ModelStats> models, double badPercent, boolean overBudget, ClientUsage client,
                       boolean partial, List<String> warnings, List<RetryFreeLatency> withoutRetries,
                       List<EndpointStats> endpoints) {
        public Step {
            models = List.copyOf(models);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            endpoints = endpoints == null ? null : List.copyOf(endpoints);
        }

        /** A step of no pool. */
        public Step(int number, String load, String shardLoad, String arrival, Lateness lateness,
                    List<ModelStats> models, double badPercent, boolean overBudget, ClientUsage client,
                    boolean partial, List<String> warnings, List<RetryFreeLatency> withoutRetries) {
            this(number, load, shardLoad, arrival, lateness, models, badPercent, overBudget, client, partial,
                    warnings, withoutRetries, null);
        }

        /** This step with its pools' figures per endpoint (null when no model was a pool). */
        public Step withEndpoints(List<EndpointStats> perEndpoint) {
            return new Step(number, load, shardLoad, arrival, lateness, models, badPercent, overBudget, client,
                    partial, warnings, withoutRetries, perEndpoint);
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
                    partial, warnings, figures, endpoints);
        }

        /** This step with the client's usage, warning when the client was saturated. */
        public Step watched(ClientUsage usage) {
            List<String> all = new ArrayList<>(warnings);
            if (usage != null && usage.saturated()) {
                all.add(usage.warning());
            }
            return new Step(number, load, shardLoad, arrival, lateness, models, badPercent, overBudget, usage, partial,
                    all, withoutRetries, endpoints);
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
        return new BenchmarkDocument(this).document();
    }

    /**
     * One row per step, model and figure: every distribution with all its statistics, then the whole-step figures
     * (throughput, goodput, error rate, ...) and counts in {@code value}.
     */
    @Override
    public Tabular tabular() {
        return BenchmarkTable.of(this);
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
        d.put("time series", TimeSeries.FORMULA);
        d.put("cost", "per request: the mean successful request's input (of it cached) and output tokens at the"
                + " price row's rates; per 1,000 requests; per hour: per request × request throughput × 3600, plus"
                + " the row's hourly machine price; failed requests are not costed");
        return d;
    }
}
