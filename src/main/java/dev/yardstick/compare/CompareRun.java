package dev.yardstick.compare;

import dev.yardstick.benchmark.PoolEndpoints;
import dev.yardstick.stats.SloSet;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.eval.Judges;
import dev.yardstick.engine.Plan;
import dev.yardstick.engine.Plans;
import dev.yardstick.engine.RunSummary;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.engine.TokenCounting;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.SampleRecord;
import dev.yardstick.report.WriteFailure;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a comparison: the prompt matrix through the orchestrator, every sample to the collector (checked, costed,
 * journaled, kept), the report at the end. {@link #cancel()} (Ctrl-C) ends the requests in flight and keeps what
 * finished.
 */
public final class CompareRun implements AutoCloseable {

    private final ComparePlan plan;
    private final Plan enginePlan;
    private final Orchestrator orchestrator;
    private final CompareCollector collector;
    private final PoolEndpoints endpoints;

    /**
     * @param config          the config file, for its prices
     * @param onWriteFailure  told once when the samples file stops accepting lines (the run goes on)
     */
    public CompareRun(ComparePlan plan, OpenedModels models, YardstickConfig config, Map<String, String> env,
                      Consumer<WriteFailure> onWriteFailure) {
        this(plan, models, config, env, onWriteFailure, RequestMiddleware.DIRECT);
    }

    /** @param middleware what every request goes through: retries, injected faults */
    public CompareRun(ComparePlan plan, OpenedModels models, YardstickConfig config, Map<String, String> env,
                      Consumer<WriteFailure> onWriteFailure, RequestMiddleware middleware) {
        this(plan, models, config, env, onWriteFailure, middleware, Judges.NONE);
    }

    /** @param judges where graded assertions ({@code llm-rubric}, {@code factuality}) find their judge model */
    public CompareRun(ComparePlan plan, OpenedModels models, YardstickConfig config, Map<String, String> env,
                      Consumer<WriteFailure> onWriteFailure, RequestMiddleware middleware, Judges judges) {
        this.plan = plan;
        // Count every answer's tokens: a comparison is small, and its costs need both sides of every request.
        this.orchestrator = new Orchestrator(models.byLabel(), TokenCounting.ALWAYS, middleware);
        this.endpoints = new PoolEndpoints(models.byLabel(), SloSet.NONE, null);
        this.collector = new CompareCollector(models, plan.prompts(), plan.samples(), config, env, onWriteFailure,
                judges);
        this.enginePlan = new Plan(Plans.matrix(models.labels(), plan.prompts(), plan.repeat(), plan.params(),
                plan.warmup()), new LoadShape.Closed(plan.concurrency()), limits(models), plan.timeout(), null);
    }

    /** How many requests the run sends, warm-ups included. */
    public long requests() {
        return enginePlan.requests().size();
    }

    /** Stops dispatching and ends the requests in flight; {@link #execute} then returns the partial report. */
    public void cancel() {
        orchestrator.cancel();
    }

    /** Runs every request (or until cancelled) and reports; {@code progress} hears of every sample. Blocks. */
    public CompareReport execute(SampleListener progress) {
        Instant started = Instant.now();
        RunSummary summary = orchestrator.run(enginePlan, SampleListener.all(collector, endpoints.listener(),
                progress));
        return collector.report(started, summary.interrupted(), plan.settings(), orchestrator.clientWarmup())
                .withEndpoints(endpoints.stats());
    }

    /** Why a report holds no answer (every request failed: the first error), null when it holds one. */
    public static String whyNothingMeasured(CompareReport report) {
        if (report.samples().stream().anyMatch(SampleRecord::ok)) {
            return null;
        }
        return "every request failed (" + report.samples().stream().filter(r -> !r.ok())
                .map(r -> r.model() + ": " + r.error().message()).findFirst().orElse("no request finished") + ")";
    }

    /** Per-provider limits: the user's, capped by what in-process models can serve at once. */
    private Map<String, Integer> limits(OpenedModels models) {
        Map<String, Integer> limits = new HashMap<>(plan.providerLimits());
        models.inProcessLimits().forEach((provider, n) -> limits.merge(provider, n, Math::min));
        return limits;
    }

    @Override
    public void close() {
        orchestrator.close();
        collector.close();
    }
}
