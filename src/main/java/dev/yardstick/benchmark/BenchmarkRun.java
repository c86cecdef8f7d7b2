package dev.yardstick.benchmark;

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
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.ModelInfo;
import dev.yardstick.report.RunInfo;
import dev.yardstick.report.WriteFailure;
import dev.yardstick.stats.MetricsRecorder;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RetryFreeRecorder;
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
                plan.exactOutputTokens() ? ExactOutput.around(chain) : chain);
    }

    /** Stops dispatching and ends the requests in flight; {@link #execute} then returns the partial report. */
    public void cancel() {
        orchestrator.cancel();
    }

    /** Runs every step (or until cancelled, or until a sweep step exceeds the budget) and reports. Blocks. */
    public BenchmarkReport execute(StepObserver observer) {
        Instant started = Instant.now();
        List<BenchmarkReport.Step> results = new ArrayList<>();
        List<WorkloadReport> workloads = new ArrayList<>();
        String stoppedEarly = null;
        PromptSource prompts = PromptSource.of(plan, models.byLabel());
        try (orchestrator; BenchmarkJournal journal = plan.samples() == null ? null
                : new BenchmarkJournal(plan.samples(), onWriteFailure)) {
            for (LoadStep step : plan.steps()) {
                Workload workload = Workload.forStep(plan, step, prompts, models.byLabel(), orchestrator::cancelled);
                BenchmarkReport.Step result = runStep(step, prompts, workload, journal, observer);
                Optional.ofNullable(workload.report(step.number())).ifPresent(workloads::add);
                results.add(result);
                observer.ended(result);
                if (orchestrator.cancelled()) {
                    break;
                }
                if (result.overBudget() && step.number() < plan.steps().size()) {
                    stoppedEarly = "Sweep stopped after step " + step.number() + " (" + step.label() + "): "
                            + Percentages.format(result.badPercent()) + " of its requests failed or missed an SLO, over"
                            + " the error budget of " + Percentages.format(plan.errorBudget()) + ".";
                    break;
                }
            }
        }
        List<BenchmarkReport.GateResult> gates = Gates.judge(plan.failIf(), results, baseline);
        RunInfo run = RunInfo.endingNow("benchmark", started, orchestrator.cancelled(), plan.settings(),
                orchestrator.clientWarmup());
        return new BenchmarkReport(run, modelInfos(results), results, gates, stoppedEarly, notes(results),
                BenchmarkReport.standardDefinitions(), workloads.isEmpty() ? null : workloads);
    }

    private BenchmarkReport.Step runStep(LoadStep step, PromptSource prompts, Workload workload,
                                         BenchmarkJournal journal, StepObserver observer) {
        RequestSource requests = workload.requests() != null ? workload.requests()
                : new StepRequests(plan.labels(), prompts, plan.models().getFirst().params(), plan.shard(),
                plan.requests(), plan.warmup(), System::nanoTime);
        LoadShape load = step.forShard(plan.shard());
        Duration limit = plan.duration() == null ? null
                : plan.warmup().timed() ? plan.duration().plus(plan.warmup().time()) : plan.duration();
        Plan enginePlan = new Plan(requests, load, models.inProcessLimits(), plan.timeout(), limit);
        MetricsRecorder recorder = new MetricsRecorder(plan.slo(), Instant.now()).expecting(plan.labels())
                .expectingOutputTokens(plan.outputTokens());
        long measured = workload.requests() != null ? workload.requests().size() : plan.requests() == null ? -1
                : StepRequests.localCount(plan.requests(), plan.models().size(), plan.shard());
        observer.started(new StepObserver.LiveStep(step, plan.steps().size(), measured, limit, recorder::running));
        RetryFreeRecorder retryFree = new RetryFreeRecorder();
        PoolEndpoints endpoints = new PoolEndpoints(models.byLabel(), plan.slo(), plan.outputTokens());
        SampleListener listener = journal == null
                ? SampleListener.all(recorder, retryFree, workload.listener(), endpoints.listener())
                : SampleListener.all(recorder, retryFree, workload.listener(), endpoints.listener(),
                        journal.forStep(step));
        try (ClientWatch watch = ClientWatch.start()) {
            RunSummary summary = orchestrator.run(enginePlan, SampleListener.all(listener, this::watch));
            ClientUsage usage = watch.stop(recorder.running().ended());
            return result(step, load, summary, recorder.snapshot()).watched(usage)
                    .withoutRetries(retryFree.snapshot()).withEndpoints(endpoints.stats());
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
