package dev.yardstick.cli;

import dev.yardstick.benchmark.BenchmarkPlan;
import dev.yardstick.benchmark.BenchmarkReports;
import dev.yardstick.benchmark.BenchmarkRun;
import dev.yardstick.benchmark.PlanSettings;
import dev.yardstick.config.InputException;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.ModelStats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yardstick benchmark}: load-tests endpoints, closed loop or at a scheduled rate, with exact statistics.
 * Thin: flags (over an optional plan file) → plan → run → report → exporters, exit code from the gates.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test models or endpoints: requests in flight (closed loop) or at a scheduled rate (open"
                + " loop, latency from the scheduled start, so stalls are never hidden), with TTFT, ITL, TPOT, E2E,"
                + " throughput, goodput and errors, percentiles from HdrHistogram.",
                "Examples:",
                "  yardstick benchmark -m mock/fast --concurrency 8 --requests 500",
                "  yardstick benchmark -m openai/my-model --base-url http://127.0.0.1:8000/v1 --rate 20 --duration 60s",
                "  yardstick benchmark scenarios/smoke.yaml --fail-if 'p95(ttft) > 800ms' -o report.json"},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 done and every gate passed, 1 a gate failed, 2 bad input, 3 nothing measured (every request",
                "  failed), 130 interrupted (the partial report was written)."})
public final class BenchmarkCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN",
            description = "A plan file (YAML, see scenarios/): every key is one of these flags' long name; flags given"
                    + " here override it.")
    Path planFile;

    @Option(names = {"-m", "--model"}, paramLabel = "PROVIDER/MODEL",
            description = "A model, e.g. mock/fast, local/stories260k, openai/gpt-4o-mini. Repeatable: the models"
                    + " take turns and share the load.")
    List<String> models;

    @Option(names = "--concurrency", paramLabel = "N", description = "Closed loop: N requests in flight (default 1).")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "R",
            description = "Open loop: R requests per second, every start scheduled in advance.")
    Double rate;

    @Option(names = "--arrival", paramLabel = "KIND", description = "Open loop: constant (default) or poisson.")
    String arrival;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "Open loop: at most N in flight; a request waiting for a slot is late, and its wait counts"
                    + " (default 1024).")
    Integer maxConcurrency;

    @Option(names = "--sweep", paramLabel = "DIM=V1,V2,...",
            description = "One step per value, e.g. concurrency=1,2,4,8,16 or rate=1,2,5,10; stops after a step over"
                    + " the error budget.")
    String sweep;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long each step sends requests.")
    String duration;

    @Option(names = "--requests", paramLabel = "N",
            description = "Measured requests per step (default 100 when no --duration is given).")
    Long requests;

    @Option(names = "--warmup", paramLabel = "N|DURATION",
            description = "Unmeasured requests (20) or time (5s) at the start of every step.")
    String warmup;

    @Option(names = "--prompts", paramLabel = "FILE", description = "A prompt set to cycle through (see prompts/).")
    String prompts;

    @Option(names = "--input-tokens", paramLabel = "DIST",
            description = "Synthetic prompts of this many tokens of the model's tokenizer: 512, uniform:256-1024 or"
                    + " normal:512,64 (default 128, when no --prompts).")
    String inputTokens;

    @Option(names = "--output-tokens", paramLabel = "N", description = "The output length to ask for (max tokens).")
    Integer outputTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (0–2).")
    Double temperature;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Base URL of the models' provider (an OpenAI-compatible server, say).")
    String baseUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Per-request timeout (default 60s).")
    String timeout;

    @Option(names = "--slo", paramLabel = "SLOS",
            description = "Goodput's objectives, e.g. ttft=500ms,e2e=5s,itl=50ms,tpot=20ms.")
    String slo;

    @Option(names = "--error-budget", paramLabel = "PERCENT",
            description = "The share of a step's requests that may fail or miss an SLO before a sweep stops"
                    + " (default 1%%).")
    String errorBudget;

    @Option(names = "--fail-if", paramLabel = "GATE",
            description = "Exit 1 when this holds for any step and model, e.g. 'p95(ttft) > 800ms', "
                    + "'error_rate > 1%%', 'throughput < 10'. Repeatable.")
    List<String> failIf;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A report (JSON) to judge regressions against.")
    String baseline;

    @Option(names = "--max-regression", paramLabel = "PERCENT",
            description = "With --baseline: exit 1 when a p50/p95/p99 latency or a throughput is worse by more"
                    + " (default 10%%) and the change is significant at --confidence.")
    String maxRegression;

    @Mixin
    RegressionOptions regression;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run the I-th of N shares of the plan (1-based); merge the reports with 'report merge'.")
    String shard;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of synthetic prompts and Poisson arrivals.")
    Long seed;

    @Option(names = "--samples", paramLabel = "FILE",
            description = "Append every measured sample to FILE (JSONL) the moment it completes.")
    String samples;

    @Mixin
    ResilienceOptions resilience;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    public BenchmarkCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        PlanSettings file = planFile == null ? PlanSettings.EMPTY : PlanSettings.read(planFile);
        PlanSettings flags = flags();
        BenchmarkPlan plan;
        try {
            plan = BenchmarkPlan.from(file.overriddenBy(flags));
        } catch (InputException e) {
            throw PlanFileErrors.locate(e, planFile, file, flags);
        }
        output.validate();
        BenchmarkReport baselineReport = plan.baseline() == null ? null
                : BenchmarkReports.readBaseline(plan);
        BenchmarkReport report;
        try (OpenedModels opened = session.registry(common).open(plan.models());
             LiveLine live = new LiveLine(session.err(), session.terminal(output.noColor).interactive())) {
            BenchmarkRun run = new BenchmarkRun(plan, opened, baselineReport, session::cannotWrite,
                    resilience.middleware(opened.labels()));
            Interrupts.onInterrupt(run::cancel);
            report = run.execute(live);
        }
        output.emit(report, session);
        return exitCode(report);
    }

    private int exitCode(BenchmarkReport report) {
        if (report.run().interrupted()) {
            return ExitCodes.INTERRUPTED;
        }
        if (!report.measuredAnything()) {
            session.log("yardstick: nothing was measured: every request failed (" + errors(report) + ")");
            return ExitCodes.RUNTIME;
        }
        if (report.anyGateFailed()) {
            long failed = report.gates().stream().filter(BenchmarkReport.GateResult::failed).count();
            session.log("yardstick: " + failed + " gate check" + (failed == 1 ? "" : "s") + " failed, first: "
                    + report.gates().stream().filter(BenchmarkReport.GateResult::failed).findFirst()
                    .map(g -> g.model() + " at " + g.step() + ": " + g.message()).orElse(""));
            return ExitCodes.GATE_FAILED;
        }
        return ExitCodes.OK;
    }

    private static String errors(BenchmarkReport report) {
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (BenchmarkReport.Step step : report.steps()) {
            for (ModelStats stats : step.models()) {
                stats.requests().errors().forEach((c, n) -> byClass.merge(c, n, Long::sum));
            }
        }
        return byClass.isEmpty() ? "no request finished" : String.join(", ", byClass.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** The flags as plan settings: what was not given stays null, so the plan file's value stands. */
    private PlanSettings flags() {
        return new PlanSettings(null, null, models, concurrency, rate, arrival, maxConcurrency, sweep, duration,
                requests, warmup, prompts, inputTokens, outputTokens, temperature, baseUrl, timeout, slo, errorBudget,
                failIf, baseline, maxRegression, shard, seed, samples, regression.confidence,
                regression.gateUnsupported);
    }
}
