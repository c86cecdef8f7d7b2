package dev.yardstick.benchmark;

import dev.yardstick.benchmark.workload.ThinkTime;
import dev.yardstick.benchmark.workload.Trace;
import dev.yardstick.benchmark.workload.TraceFormat;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.engine.chain.RequestChain;
import dev.yardstick.config.PromptSet;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.Ramp;
import dev.yardstick.stats.RegressionRule;
import dev.yardstick.stats.SloSet;
import dev.yardstick.stats.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A benchmark plan: one typed component per setting, each named like the {@code benchmark} flag and the plan-file
 * key that set it ({@code maxConcurrency} is {@code --max-concurrency} and {@code max-concurrency:}), so the command
 * line binds it by name and a setting is declared once, as its option. A component left null takes its default
 * here, and the settings are checked together here, so a plan that exists cannot fail on input.
 *
 * @param models        the models, with the generation settings (temperature, output tokens, base URL, timeout)
 * @param requests      measured requests per step (warm-up not included), null when only the duration bounds it
 *                      (or, with {@code findMaxRate}, the least per probe; null: as few as a verdict needs)
 * @param duration      how long a step sends requests (a timed warm-up comes on top), null for no limit
 * @param prompts       the prompt set to cycle through, or null for synthetic prompts
 * @param inputTokens   synthetic prompts' length (null with a prompt set)
 * @param outputTokens  the output length asked of the model (its max-tokens), null for the model's own limit
 * @param errorBudget   percent of a step's requests that may fail or miss an SLO before a sweep stops
 * @param confidence    the regression gate's confidence, a fraction (0.95)
 * @param retries       how often a transiently failed request is retried (0: never)
 * @param fault         faults to inject, read from {@code MODEL:KIND[@N][xK]} each (none: empty)
 * @param trace         a request log to replay at its own times (open loop), null for none; its lengths replace
 *                      {@code inputTokens} and {@code outputTokens}
 * @param traceFormat   the trace's format when it is not told by its content
 * @param timeScale     the trace's times multiplied by this (0.5: twice as fast); 1 by default
 * @param sessions      multi-turn sessions per step, null for single requests
 * @param turns         turns per session (3 by default)
 * @param thinkTime     the pause between a session's answer and its next question (none by default)
 * @param sharedPrefix  tokens of prefix before every synthetic prompt, shared by {@code prefixShare} of them
 * @param prefixShare   the share (0..1) of requests that begin with the shared prefix (0.5 by default)
 * @param exactOutputTokens ask for exactly the output length where the protocol allows, and check every answer
 * @param ramp          open loop: a rate that ramps linearly, then holds (null: a fixed rate)
 * @param abortIf       gates checked on a sliding window while a step runs; one that holds stops the run (exit 1)
 * @param abortWindow   the window {@code abortIf} is judged on: a time ({@code 30s}) or a count of requests
 * @param abortMinRequests how many requests the window must hold before it is judged (one early error is no trend)
 * @param findMaxRate   search for the highest rate whose SLO attainment holds (bracketing, then bisection)
 * @param attainment    the SLO attainment the search holds the rate to, in percent (99)
 * @param timeseries    a CSV file for the per-second time series (it is in the JSON report in any case)
 * @param serverMetrics a Prometheus {@code /metrics} URL scraped while the run goes on (null: none)
 * @param serverMetricsInterval how often it is scraped (1s)
 * @param settings      the settings as the user wrote them, keyed like the flags: a report's record of how to run
 *                      the plan again
 */
public record BenchmarkPlan(String name, String description, List<ModelSpec> models, Integer concurrency,
                            Double rate, LoadShape.Arrival arrival, Integer maxConcurrency, Sweep sweep,
                            Duration duration, Long requests, Warmup warmup, PromptSet prompts,
                            LengthDistribution inputTokens, Integer outputTokens, Double temperature, String baseUrl,
                            Duration timeout, SloSet slo, Double errorBudget, List<Threshold> failIf, Path baseline,
                            Double maxRegression, Double confidence, Boolean gateUnsupported, Shard shard, Long seed,
                            Path samples, Integer retries, List<Fault> fault, Trace trace, TraceFormat traceFormat,
                            Double timeScale, Integer sessions, Integer turns, ThinkTime thinkTime,
                            Integer sharedPrefix, Double prefixShare, Boolean exactOutputTokens, Ramp ramp,
                            List<Threshold> abortIf, AbortWindow abortWindow, Integer abortMinRequests,
                            Boolean findMaxRate, Double attainment, Path timeseries, String serverMetrics,
                            Duration serverMetricsInterval,
                            Map<String, Object> settings) {

    static final long DEFAULT_REQUESTS = 100;
    static final LengthDistribution DEFAULT_INPUT_TOKENS = new LengthDistribution.Fixed(128);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final double DEFAULT_ERROR_BUDGET = 1;
    static final double DEFAULT_MAX_REGRESSION = 10;
    static final int DEFAULT_MAX_CONCURRENCY = 1024;
    static final long DEFAULT_SEED = 1;
    static final int DEFAULT_ABORT_MIN_REQUESTS = 20;
    static final double DEFAULT_ATTAINMENT = 99;
    static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(1);
    /** Bounds far above any real load, below what would exhaust memory or overflow a schedule. */
    static final int MAX_CONCURRENCY = 100_000;
    static final double MAX_RATE = 1_000_000;
    static final long MAX_REQUESTS = 1_000_000_000L;

    /** Applies the defaults and checks the settings together; anything wrong is an {@link InputException}. */
    public BenchmarkPlan {
        name = name == null ? "benchmark" : name;
        seed = seed == null ? DEFAULT_SEED : seed;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        retries = retries == null ? 0 : retries;
        fault = fault == null ? List.of() : List.copyOf(fault);
        ModelParams params = modelParams(temperature, outputTokens, baseUrl, timeout);
        shard = shard == null ? Shard.WHOLE : shard;
        trace = WorkloadChecks.trace(trace, traceFormat, timeScale);
        timeScale = timeScale == null ? 1.0 : timeScale;
        WorkloadChecks.check(new WorkloadChecks.Given(trace, timeScale, sessions, turns, thinkTime, sharedPrefix,
                prefixShare, exactOutputTokens, outputTokens, prompts, inputTokens, concurrency, rate, sweep, requests,
                warmup, shard));
        checkRamp(ramp, concurrency, rate, sweep, trace);
        checkSearch(Boolean.TRUE.equals(findMaxRate), attainment, slo == null ? SloSet.NONE : slo, sweep, concurrency,
                ramp, trace, sessions);
        // A ramp and a capacity search run open loop without a --rate of their own: --arrival applies to them.
        checkLoad(concurrency, rate != null ? rate : ramp != null ? Double.valueOf(ramp.toRate())
                : Boolean.TRUE.equals(findMaxRate) ? Double.valueOf(1) : null, arrival, maxConcurrency, sweep,
                trace != null);
        maxConcurrency = maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : maxConcurrency;
        for (LoadStep step : steps(concurrency, rate, arrival, maxConcurrency, sweep, seed, trace, timeScale, ramp)) {
            if (step.load() instanceof LoadShape.Closed c && c.concurrency() < shard.count()) {
                throw new InputException("concurrency " + c.concurrency() + " cannot be split over " + shard.count()
                        + " shards: every shard needs at least one request in flight");
            }
        }
        if (requests != null && (requests < 1 || requests > MAX_REQUESTS)) {
            throw new InputException("--requests must be between 1 and " + MAX_REQUESTS + ", got " + requests);
        }
        if (duration != null && duration.isZero()) {
            throw new InputException("--duration must be longer than 0");
        }
        // A trace or sessions bound themselves; a capacity search sizes its probes as a significant verdict needs.
        requests = requests == null && duration == null && trace == null && sessions == null
                && !Boolean.TRUE.equals(findMaxRate) ? Long.valueOf(DEFAULT_REQUESTS) : requests;
        if (prompts != null && inputTokens != null) {
            throw new InputException("give either --prompts (a prompt set) or --input-tokens (synthetic prompts), not both");
        }
        inputTokens = prompts != null || trace != null ? null
                : inputTokens == null ? DEFAULT_INPUT_TOKENS : inputTokens;
        turns = sessions == null ? null : turns == null ? WorkloadChecks.DEFAULT_TURNS : turns;
        thinkTime = sessions == null ? null : thinkTime == null ? ThinkTime.NONE : thinkTime;
        prefixShare = sharedPrefix == null ? null : prefixShare == null ? WorkloadChecks.DEFAULT_PREFIX_SHARE
                : prefixShare;
        exactOutputTokens = Boolean.TRUE.equals(exactOutputTokens);
        warmup = warmup == null ? Warmup.NONE : warmup;
        slo = slo == null ? SloSet.NONE : slo;
        errorBudget = errorBudget == null ? DEFAULT_ERROR_BUDGET : errorBudget;
        if (errorBudget > 100) {
            throw new InputException("--error-budget " + Percentages.format(errorBudget) + " is more than 100%");
        }
        if (maxRegression != null && baseline == null) {
            throw new InputException("--max-regression needs --baseline FILE (a report to compare with)");
        }
        if ((confidence != null || gateUnsupported != null) && baseline == null) {
            throw new InputException("--confidence and --gate-unsupported need --baseline FILE (a report to compare"
                    + " with)");
        }
        failIf = failIf == null ? List.of() : List.copyOf(failIf);
        models = withParams(models, params);
        if (Boolean.TRUE.equals(findMaxRate) && (models.size() > 1 || !shard.whole())) {
            throw new InputException("--find-max-rate searches one model's capacity on one machine: give one -m and"
                    + " no --shard");
        }
        if ((sessions != null || sharedPrefix != null) && models.size() > 1) {
            // Their per-turn and hit-eligible/cold figures are tallied over the step, not per model: with several
            // models they would mix them.
            throw new InputException("--sessions and --shared-prefix measure one model at a time: give one -m (run one"
                    + " benchmark per model to compare them)");
        }
        RequestChain.check(retries, fault, models.stream().map(ModelSpec::label).toList()); // up front
        abortIf = abortIf == null ? List.of() : List.copyOf(abortIf);
        if (abortIf.isEmpty() && (abortWindow != null || abortMinRequests != null)) {
            throw new InputException("--abort-window and --abort-min-requests need --abort-if GATE");
        }
        abortWindow = abortWindow == null ? AbortWindow.DEFAULT : abortWindow;
        abortMinRequests = abortMinRequests == null ? DEFAULT_ABORT_MIN_REQUESTS : abortMinRequests;
        if (abortMinRequests < 1) {
            throw new InputException("--abort-min-requests must be at least 1, got " + abortMinRequests);
        }
        findMaxRate = Boolean.TRUE.equals(findMaxRate);
        attainment = attainment == null ? DEFAULT_ATTAINMENT : attainment;
        if (serverMetricsInterval != null && serverMetrics == null) {
            throw new InputException("--server-metrics-interval needs --server-metrics URL");
        }
        if (serverMetrics != null && !serverMetrics.matches("(?i)https?://\\S+")) {
            throw new InputException("--server-metrics must be an http:// or https:// URL, got '" + serverMetrics + "'");
        }
        serverMetricsInterval = serverMetricsInterval == null ? DEFAULT_SCRAPE_INTERVAL : serverMetricsInterval;
        if (serverMetricsInterval.isZero()) {
            throw new InputException("--server-metrics-interval must be longer than 0");
        }
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A ramp runs open loop on its own: no fixed rate, concurrency or sweep beside it. */
    private static void checkRamp(Ramp ramp, Integer concurrency, Double rate, Sweep sweep, Trace trace) {
        if (ramp != null && (concurrency != null || rate != null || sweep != null || trace != null)) {
            throw new InputException("--ramp sets the rate over time: leave out --rate, --concurrency, --sweep and"
                    + " --trace");
        }
        if (ramp != null && ramp.toRate() > MAX_RATE) {
            throw new InputException("--ramp must end at most at " + (long) MAX_RATE + " requests per second");
        }
    }

    /** The capacity search probes rates of its own, against SLOs. */
    private static void checkSearch(boolean search, Double attainment, SloSet slo, Sweep sweep, Integer concurrency,
                                    Ramp ramp, Trace trace, Integer sessions) {
        if (!search) {
            if (attainment != null) {
                throw new InputException("--attainment applies to --find-max-rate");
            }
            return;
        }
        if (slo.slos().isEmpty()) {
            throw new InputException("--find-max-rate needs --slo (e.g. ttft=500ms,e2e=5s): the rate it finds is"
                    + " the highest that meets them");
        }
        if (sweep != null || concurrency != null || ramp != null || trace != null || sessions != null) {
            throw new InputException("--find-max-rate chooses the rates itself: leave out --sweep, --concurrency,"
                    + " --ramp, --trace and --sessions (--rate sets the first probe)");
        }
        if (attainment != null && !(attainment > 0 && attainment < 100)) {
            throw new InputException("--attainment must be more than 0% and less than 100%, got "
                    + Percentages.format(attainment));
        }
    }

    /** The capacity search's first probe rate: {@code --rate}, else 1 request per second. */
    public double searchStartRate() {
        return rate == null ? 1 : rate;
    }

    /** The steps: one per sweep value, else the one load the settings give (closed loop at 1 by default). */
    public List<LoadStep> steps() {
        return steps(concurrency, rate, arrival, maxConcurrency, sweep, seed, trace, timeScale, ramp);
    }

    /** The prefix some synthetic prompts share, null for none. */
    public SharedPrefix prefix() {
        return sharedPrefix == null ? null : new SharedPrefix(sharedPrefix, prefixShare);
    }

    /** How the regression gate judges against the baseline (10%, 95%, unsupported not gated); null without one. */
    public RegressionRule regression() {
        return baseline == null ? null : new RegressionRule(maxRegression == null ? DEFAULT_MAX_REGRESSION
                : maxRegression, confidence == null ? RegressionRule.parseConfidence(null) : confidence,
                Boolean.TRUE.equals(gateUnsupported));
    }

    /** The model labels, in the order given. */
    public List<String> labels() {
        return models.stream().map(ModelSpec::label).toList();
    }

    /** One line on the prompts: the set's name and size, or the synthetic lengths. */
    public String promptsText() {
        String output = outputTokens == null ? "" : ", output " + outputTokens + " tokens";
        if (trace != null) {
            return "trace " + trace.name() + " (" + trace.format().label() + ", " + trace.entries().size()
                    + " requests, its own input and output lengths)";
        }
        if (prompts != null) {
            return prompts.name() + " (" + prompts.prompts().size() + " prompts, cycled)" + output;
        }
        return "synthetic, input " + inputTokens.text() + " tokens" + output;
    }

    /** The models' parameters; a bad value names its setting ({@code --output-tokens} sets max tokens). */
    private static ModelParams modelParams(Double temperature, Integer outputTokens, String baseUrl,
                                           Duration timeout) {
        try {
            return new ModelParams(temperature, outputTokens, null, baseUrl, timeout);
        } catch (FieldException e) {
            throw e.field().equals("max-tokens") ? new FieldException("output-tokens", e.problem()) : e;
        }
    }

    private static List<ModelSpec> withParams(List<ModelSpec> models, ModelParams params) {
        if (models == null || models.isEmpty()) {
            throw new InputException("no model to benchmark: give -m PROVIDER/MODEL, or 'models:' in the plan file");
        }
        if (new LinkedHashSet<>(models.stream().map(ModelSpec::label).toList()).size() < models.size()) {
            throw new InputException("the same model is named twice: name each model once");
        }
        return models.stream().map(m -> m.withParams(params)).toList();
    }

    /** The load settings that exclude each other, and their bounds. */
    private static void checkLoad(Integer concurrency, Double rate, LoadShape.Arrival arrival, Integer maxConcurrency,
                                  Sweep sweep, boolean traced) {
        if (maxConcurrency != null && (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY)) {
            throw new InputException("--max-concurrency must be between 1 and " + MAX_CONCURRENCY + ", got "
                    + maxConcurrency);
        }
        if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
            throw new InputException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", got "
                    + concurrency);
        }
        if (rate != null && !(rate > 0 && rate <= MAX_RATE)) {
            throw new InputException("--rate must be more than 0 and at most " + (long) MAX_RATE
                    + " requests per second, got " + rate);
        }
        if (rate != null && concurrency != null) {
            throw new InputException("--rate runs open-loop: cap the requests in flight with --max-concurrency,"
                    + " not --concurrency");
        }
        boolean openLoop = rate != null || sweep != null && sweep.openLoop() || traced;
        if (!openLoop && (arrival != null || maxConcurrency != null)) {
            throw new InputException("--arrival and --max-concurrency apply to rate runs (--rate, --ramp or --sweep"
                    + " rate=...)");
        }
        if (sweep != null && (concurrency != null || rate != null)) {
            throw new InputException("--sweep " + sweep.name() + "=... sets the load of every step: leave out"
                    + " --concurrency and --rate");
        }
    }

    private static List<LoadStep> steps(Integer concurrency, Double rate, LoadShape.Arrival arrival,
                                        int maxConcurrency, Sweep sweep, long seed, Trace trace, double timeScale,
                                        Ramp ramp) {
        if (trace != null) {
            return List.of(WorkloadChecks.traceStep(trace, timeScale, seed, maxConcurrency));
        }
        LoadShape.Arrival shape = arrival == null ? LoadShape.Arrival.CONSTANT : arrival;
        if (sweep != null) {
            return sweep.steps(shape, seed, maxConcurrency);
        }
        if (ramp != null) {
            return List.of(LoadStep.ramp(1, ramp, shape, seed, maxConcurrency));
        }
        return List.of(rate != null ? LoadStep.open(1, rate, shape, seed, maxConcurrency)
                : LoadStep.closed(1, concurrency == null ? 1 : concurrency));
    }
}
