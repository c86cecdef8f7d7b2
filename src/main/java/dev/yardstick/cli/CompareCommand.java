package dev.yardstick.cli;

import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptSet;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.Plan;
import dev.yardstick.engine.Plans;
import dev.yardstick.engine.RunSummary;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.engine.TokenCounting;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.CompareReport;
import dev.yardstick.compare.CompareRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yardstick compare}: the same prompts to several models, answers side by side, with latency, tokens, cost. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send the same prompts to several models and show their answers side by side, with "
                + "latency (TTFT, E2E), tokens, cost and check results.",
                "Example: yardstick compare -m local/stories260k -m mock/fast --prompts prompts/stories.yaml"})
public final class CompareCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    GenerationOptions generation;

    @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "One prompt (else --prompts, else stdin).")
    String prompt;

    @Option(names = "--prompts", paramLabel = "FILE", description = "A prompt set: YAML or JSONL (see prompts/).")
    Path prompts;

    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt for every prompt.")
    String system;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Ask each model each prompt N times (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Unmeasured requests per model first (class loading, connections); default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Requests in flight at once, all models together (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--provider-limit", paramLabel = "PROVIDER=N",
            description = "Requests in flight at once for one provider, e.g. openai=2. Repeatable.")
    Map<String, Integer> providerLimits = new LinkedHashMap<>();

    @Option(names = "--samples", paramLabel = "FILE",
            description = "Append every sample to FILE (JSONL) as it completes.")
    Path samplesFile;

    @Mixin
    ResilienceOptions resilience;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    public CompareCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PromptSet promptSet = PromptInput.resolve(prompt, prompts, session.in(), system);
        List<ModelSpec> specs = generation.specs();
        Instant started = Instant.now();
        try (OpenedModels models = session.registry(common).open(specs);
             Orchestrator orchestrator = new Orchestrator(models.byLabel(), TokenCounting.ALWAYS,
                     resilience.middleware(models.labels()));
             CompareRun run = new CompareRun(models, promptSet, samplesFile, session.config(common),
                     session.env(), session::cannotWrite)) {
            Plan plan = new Plan(Plans.matrix(models.labels(), promptSet, repeat, generation.params(), warmup),
                    new LoadShape.Closed(concurrency), limits(models), generation.timeout(), null);
            Progress progress = new Progress(session.err(), session.terminal(output.noColor).interactive(),
                    plan.requests().size(), "compare");
            Interrupts.onInterrupt(orchestrator::cancel);
            RunSummary summary = orchestrator.run(plan, SampleListener.all(run, progress));
            progress.finish();
            CompareReport report = run.report(started, summary.interrupted(), settings(),
                    orchestrator.clientWarmup());
            output.emit(report, session);
            if (summary.interrupted()) {
                return ExitCodes.INTERRUPTED;
            }
            return run.anySucceeded() ? ExitCodes.OK : noResult(run);
        }
    }

    private int noResult(CompareRun run) {
        session.log("yardstick: every request failed (" + run.firstError() + ")");
        return ExitCodes.RUNTIME;
    }

    /** Far above any comparison, below what would exhaust memory: every request is planned up front. */
    static final int MAX_COUNT = 100_000;

    private void validate() {
        requireBetween("--concurrency", concurrency, 1);
        requireBetween("--warmup", warmup, 0);
        requireBetween("--repeat", repeat, 1);
        providerLimits.forEach((provider, n) -> requireBetween("--provider-limit " + provider, n, 1));
        output.validate();
        generation.timeout();
    }

    private static void requireBetween(String option, int value, int min) {
        if (value < min || value > MAX_COUNT) {
            throw new InputException(option + " must be between " + min + " and " + MAX_COUNT + ", got " + value);
        }
    }

    /** Per-provider limits: the user's, capped by what in-process models can serve at once. */
    private Map<String, Integer> limits(OpenedModels models) {
        Map<String, Integer> limits = new HashMap<>(providerLimits);
        models.inProcessLimits().forEach((provider, n) -> limits.merge(provider, n, Math::min));
        return limits;
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("repeat", repeat);
        s.put("warmup", warmup);
        s.put("concurrency", concurrency);
        s.put("timeout", generation.timeout);
        if (generation.temperature != null) {
            s.put("temperature", generation.temperature);
        }
        if (generation.maxTokens != null) {
            s.put("max_tokens", generation.maxTokens);
        }
        if (generation.seed != null) {
            s.put("seed", generation.seed);
        }
        return s;
    }
}
