package dev.yardstick.benchmark;

import dev.yardstick.benchmark.capacity.CapacitySearch;
import dev.yardstick.benchmark.servermetrics.ClientTtft;
import dev.yardstick.benchmark.servermetrics.ServerScraper;
import dev.yardstick.benchmark.workload.ExactOutput;
import dev.yardstick.benchmark.workload.Workload;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.engine.RequestSource;
import dev.yardstick.report.WorkloadReport;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.Plan;
import dev.yardstick.engine.chain.RequestChain;
import dev.yardstick.engine.RunSummary;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.engine.TokenCounting;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.AbortReason;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.CapacityResult;
import dev.yardstick.report.ModelInfo;
import dev.yardstick.report.RunInfo;
import dev.yardstick.report.ServerMetricsResult;
import dev.yardstick.report.WriteFailure;
import dev.yardstick.stats.MetricsRecorder;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RetryFreeRecorder;
import dev.yardstick.stats.TimeSeries;
import dev.yardstick.stats.TimeSeriesRecorder;
import dev.yardstick.watch.ClientUsage;
import dev.yardstick.watch.ClientWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Runs a benchmark plan: one orchestrator run per step, each with a fresh recorder, the warm-up marked so no
 * statistic includes it, samples journaled as they complete; a sweep stops after a step that exceeds the error
 * budget. {@link #cancel()} (Ctrl-C) ends the step in flight and keeps what finished, so the report is partial but
 * exact. The gates are judged at the end.
 */
public final class BenchmarkRun {

    private static final double NANOS_PER_MS = 1e6;

    private final BenchmarkPlan plan;
    private final OpenedModels models;
    private final Gates.Baseline baseline;
    private final Orchestrator orchestrator;
    private final Consumer<WriteFailure> onWriteFailure;
    private final AtomicReference<SampleError> firstError = new AtomicReference<>();
    private final LongAdder emptyAnswers = new LongAdder();
    private final List<TimeSeries> series = new ArrayList<>();
    private final ClientTtft clientTtft = new ClientTtft();
    private final List<WorkloadReport> workloads = new ArrayList<>();
    private String stoppedEarly;
    private CapacityResult capacity;
    private final AtomicReference<AbortReason> abortReason = new AtomicReference<>();
    /** The confidence of each capacity probe's verdict. */
    private static final double SEARCH_CONFIDENCE = 0.95;

    /**
     * @param baseline       the report to judge regressions against, null for none
     * @param onWriteFailure told once when the samples file stops accepting lines (the run goes on)
     */
    public BenchmarkRun(BenchmarkPlan plan, OpenedModels models, BenchmarkReport baseline,
                        Consumer<WriteFailure> onWriteFailure) {
        this.plan = plan;
        this.onWriteFailure = onWriteFailure;
        this.models = models;
        this.baseline = baseline == null ? null
                : new Gates.Baseline(baseline, plan.baseline().getFileName().toString(), plan.regression());
        // Count tokens only where the server reported none: counting every answer would load the hot path.
        RequestMiddleware chain = RequestChain.forRun(plan.retries(), plan.fault(), models.labels());
        this.orchestrator = new Orchestrator(models.byLabel(), TokenCounting.WHEN_UNREPORTED,
                plan.exactOutputTokens() ? ExactOutput.around(chain) : chain).withClientCarriedWorkers();
    }

    /** Stops dispatching and ends the requests in flight; {@link #execute} then returns the partial report. */
    public void cancel() {
        orchestrator.cancel();
    }

    /** Runs every step (or until cancelled, or until a sweep step exceeds the budget) and reports. Blocks. */
    public BenchmarkReport execute(StepObserver observer) {
        Instant started = Instant.now();
        List<BenchmarkReport.Step> results = new ArrayList<>();
        PromptSource prompts = PromptSource.of(plan, models.byLabel());
        ServerMetricsResult serverMetrics = null;
        try (orchestrator; BenchmarkJournal journal = plan.samples() == null ? null
                : new BenchmarkJournal(plan.samples(), onWriteFailure)) {
            orchestrator.warmUpClients(); // its requests are no part of what the server's metrics cover
            ServerScraper scraper = plan.serverMetrics() == null ? null
                    : ServerScraper.start(plan.serverMetrics(), plan.serverMetricsInterval());
            try {
                if (plan.findMaxRate()) {
                    capacity = searchCapacity(prompts, journal, observer, results);
                } else {
                    runSteps(prompts, journal, observer, results);
                }
            } finally {
                if (scraper != null) {
                    serverMetrics = scraper.stop(clientTtft);
                }
            }
        }
        AbortReason aborted = abortReason.get();
        List<BenchmarkReport.GateResult> gates = new ArrayList<>(Gates.judge(plan.failIf(), results, baseline));
        if (aborted != null) {
            gates.add(new BenchmarkReport.GateResult("abort-if " + aborted.gate(), aborted.step(), aborted.model(),
                    true, aborted.message() + " over the " + aborted.window() + ": run aborted"));
        }
        RunInfo run = RunInfo.endingNow("benchmark", started, orchestrator.cancelled() && aborted == null,
                plan.settings(), orchestrator.clientWarmup());
        return new BenchmarkReport(run, modelInfos(results), results, gates, stoppedEarly, notes(results),
                BenchmarkReport.standardDefinitions(), workloads.isEmpty() ? null : workloads, aborted, capacity,
                series, serverMetrics, List.of());
    }

    /** The plan's steps in order, until one is cancelled or a sweep step goes over the error budget. */
    private void runSteps(PromptSource prompts, BenchmarkJournal journal, StepObserver observer,
                          List<BenchmarkReport.Step> results) {
        for (LoadStep step : plan.steps()) {
            BenchmarkReport.Step result = runStep(step, plan.requests(), prompts, journal, observer);
            results.add(result);
            observer.ended(result);
            if (orchestrator.cancelled()) {
                return;
            }
            if (result.overBudget() && step.number() < plan.steps().size()) {
                stoppedEarly = "Sweep stopped after step " + step.number() + " (" + step.label() + "): "
                        + Percentages.format(result.badPercent()) + " of its requests failed or missed an SLO, over"
                        + " the error budget of " + Percentages.format(plan.errorBudget()) + ".";
                return;
            }
        }
    }

    /** The capacity search: each probe a step of its own, at the rate the search asks for. */
    private CapacityResult searchCapacity(PromptSource prompts, BenchmarkJournal journal, StepObserver observer,
                                          List<BenchmarkReport.Step> results) {
        LoadShape.Arrival arrival = plan.arrival() == null ? LoadShape.Arrival.CONSTANT : plan.arrival();
        CapacitySearch search = new CapacitySearch(plan.slo().text(), plan.attainment() / 100,
                SEARCH_CONFIDENCE, plan.requests(), BenchmarkPlan.MAX_RATE);
        return search.run(plan.searchStartRate(), (number, rate, requests) -> {
            LoadStep step = LoadStep.open(number, rate, arrival, plan.seed(), plan.maxConcurrency());
            BenchmarkReport.Step result = runStep(step, requests, prompts, journal, observer);
            results.add(result);
            observer.ended(result);
            ModelStats stats = result.models().getFirst();
            return new CapacitySearch.Counts(stats.requests().attempted(), stats.requests().metSlo());
        }, orchestrator::cancelled);
    }

    private BenchmarkReport.Step runStep(LoadStep step, Long measuredRequests, PromptSource prompts,
                                         BenchmarkJournal journal, StepObserver observer) {
        Workload workload = Workload.forStep(plan, step, prompts, models.byLabel(), orchestrator::cancelled);
        RequestSource requests = workload.requests() != null ? workload.requests()
                : new StepRequests(plan.labels(), prompts, plan.models().getFirst().params(), plan.shard(),
                measuredRequests, plan.warmup(), System::nanoTime);
        LoadShape load = step.forShard(plan.shard());
        Duration limit = plan.findMaxRate() || plan.duration() == null ? null
                : plan.warmup().timed() ? plan.duration().plus(plan.warmup().time()) : plan.duration();
        Plan enginePlan = new Plan(requests, load, models.inProcessLimits(), plan.timeout(), limit);
        MetricsRecorder recorder = new MetricsRecorder(plan.slo(), Instant.now()).expecting(plan.labels())
                .expectingOutputTokens(plan.outputTokens());
        long measured = workload.requests() != null ? workload.requests().size() : measuredRequests == null ? -1
                : StepRequests.localCount(measuredRequests, plan.models().size(), plan.shard());
        observer.started(new StepObserver.LiveStep(step, plan.steps().size(), measured, limit, recorder::running));
        // Without --retries no request takes a second try: there are no retry-free figures to record.
        RetryFreeRecorder retryFree = plan.retries() > 0 ? new RetryFreeRecorder() : null;
        PoolEndpoints endpoints = new PoolEndpoints(models.byLabel(), plan.slo(), plan.outputTokens());
        orchestrator.warmUpClients(); // before the clocks of the series and the abort window start
        AbortWatch abort = new AbortWatch(plan, step.label(), System::nanoTime, orchestrator::cancel);
        List<SampleListener> listeners = new ArrayList<>(List.of(recorder));
        if (retryFree != null) {
            listeners.add(retryFree);
        }
        listeners.addAll(List.of(workload.listener(), endpoints.listener(), abort));
        if (plan.serverMetrics() != null) { // the client's TTFT is only set beside the server's
            listeners.add(clientTtft);
        }
        if (journal != null) {
            listeners.add(journal.forStep(step));
        }
        SampleListener listener = SampleListener.all(listeners.toArray(SampleListener[]::new));
        try (ClientWatch watch = ClientWatch.start(orchestrator.workerThreads());
             TimeSeriesRecorder perSecond = new TimeSeriesRecorder(step.label(), orchestrator::inFlight,
                     System::nanoTime).start()) {
            RunSummary summary = orchestrator.run(enginePlan, SampleListener.all(listener, perSecond, this::watch));
            ClientUsage usage = watch.stop(recorder.running().ended());
            perSecond.close();
            series.add(perSecond.series());
            if (abort.reason() != null) {
                abortReason.compareAndSet(null, abort.reason());
            }
            Optional.ofNullable(workload.report(step.number())).ifPresent(workloads::add);
            return result(step, load, summary, recorder.snapshot()).watched(usage)
                    .withoutRetries(retryFree == null ? null : retryFree.snapshot()).withEndpoints(endpoints.stats());
        }
    }

    private BenchmarkReport.Step result(LoadStep step, LoadShape load, RunSummary summary, List<ModelStats> stats) {
        BenchmarkReport.Lateness lateness = null;
        String arrival = null;
        if (load instanceof LoadShape.Open open) {
            arrival = open.arrival().name().toLowerCase(java.util.Locale.ROOT);
            lateness = new BenchmarkReport.Lateness(summary.dispatched(), summary.completed(), summary.lateStarts(),
                    summary.maxLatenessNanos() / NANOS_PER_MS, summary.totalLatenessNanos() / NANOS_PER_MS);
        }
        double bad = Budget.badPercent(stats);
        return new BenchmarkReport.Step(step.number(), step.label(), plan.shard().whole() ? null
                : LoadStep.label(load), arrival, lateness, stats, bad, Budget.over(bad, plan.errorBudget()));
    }

    private List<ModelInfo> modelInfos(List<BenchmarkReport.Step> results) {
        // The samples' sources, not the tokenizer's: a server that reports usage makes the counts "reported".
        return models.labels().stream().map(label -> ModelInfo.of(label, models.get(label), BenchmarkReport
                .tokenSource(results, label).orElse(models.get(label).tokenCounter().source().label()), null)).toList();
    }

    /** Keeps what the notes report of individual samples: empty answers, and the first error for its message. */
    private void watch(Sample sample) {
        if (sample.warmup()) {
            return;
        }
        if (sample.emptyAnswer()) {
            emptyAnswers.increment();
        }
        if (sample.error() != null) {
            firstError.compareAndSet(null, sample.error());
        }
    }

    private List<String> notes(List<BenchmarkReport.Step> results) {
        List<String> notes = new ArrayList<>();
        boolean anySucceeded = results.stream().flatMap(s -> s.models().stream())
                .anyMatch(m -> m.requests().succeeded() > 0);
        if (!anySucceeded && firstError.get() != null) {
            notes.add("Every request failed; the first: " + firstError.get().errorClass().label() + ": "
                    + firstError.get().message());
        }
        if (emptyAnswers.sum() > 0) {
            notes.add(emptyAnswers.sum() + " answer(s) were empty though complete (the stream ended with its stop"
                    + " reason): counted as successes, flagged empty-answer in the samples.");
        }
        long retries = results.stream().flatMap(s -> s.models().stream())
                .mapToLong(m -> m.requests().retries()).sum();
        if (retries > 0) {
            notes.add(retries + " retr" + (retries == 1 ? "y" : "ies") + " (tries beyond a request's first): a retried"
                    + " request's latency counts from its first try's start, as the user waited; withoutRetries (JSON)"
                    + " gives the answering try alone.");
        }
        if (!plan.shard().whole()) {
            notes.add("Shard " + plan.shard().text() + " of the plan: merge the shards' reports with 'yardstick"
                    + " report merge' for the plan's figures; the gates here judged this shard alone.");
        }
        if (!plan.warmup().none()) {
            notes.add("Each step began with a warm-up of " + plan.warmup().text() + ", outside every figure.");
        }
        notes.add("Prompts: " + plan.promptsText() + ".");
        return notes;
    }

    /** Why a report holds no figure (every request failed, by error class), null when it holds one. */
    public static String whyNothingMeasured(BenchmarkReport report) {
        if (report.measuredAnything()) {
            return null;
        }
        Map<String, Long> byClass = new LinkedHashMap<>();
        report.steps().forEach(step -> step.models().forEach(stats -> stats.requests().errors()
                .forEach((c, n) -> byClass.merge(c, n, Long::sum))));
        return "nothing was measured: every request failed (" + (byClass.isEmpty() ? "no request finished"
                : String.join(", ", byClass.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
                + ")";
    }

    /** How many gate checks failed and the first of them, null when none did. */
    public static String firstFailedGate(BenchmarkReport report) {
        List<BenchmarkReport.GateResult> failed = report.gates().stream().filter(BenchmarkReport.GateResult::failed)
                .toList();
        return failed.isEmpty() ? null : failed.size() + " gate check" + (failed.size() == 1 ? "" : "s")
                + " failed, first: " + failed.getFirst().model() + " at " + failed.getFirst().step() + ": "
                + failed.getFirst().message();
    }
}
