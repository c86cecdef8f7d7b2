package dev.yardstick.cli;

import dev.yardstick.cache.CacheTally;
import dev.yardstick.compare.ComparePlan;
import dev.yardstick.compare.CompareRun;
import dev.yardstick.compare.scores.CompareResults;
import dev.yardstick.compare.scores.QualityGates;
import dev.yardstick.compare.scores.Scoring;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.eval.ModelJudges;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.scores.ScoresSection;
import dev.yardstick.stats.RegressionRule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yardstick compare}: the same prompts to several models, answers side by side, with latency, tokens, cost. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send the same prompts to several models and show their answers side by side, with "
                + "latency (TTFT, E2E), tokens, cost and check results.",
                "Example: yardstick compare -m local/stories260k -m mock/fast --prompts prompts/stories.yaml"})
public final class CompareCommand extends SessionCommand {
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

    @Option(names = "--baseline", paramLabel = "FILE", converter = SettingConverters.ToPath.class,
            description = "A previous compare report (JSON): each model is compared with its namesake there (or the"
                    + " only model with the only one), and judged by the gates below.")
    Path baseline;

    @Mixin
    QualityOptions quality;

    @Option(names = "--confidence", paramLabel = "PERCENT", converter = SettingConverters.ToConfidence.class,
            description = "A difference is significant when its two-sided p-value is below 1 − this (default 95%%).")
    Double confidence;

    @Mixin
    ResilienceOptions resilience;

    @Mixin
    CacheOptions cache;

    /** This run's cache figures (null without a cache): in the report's settings, and on stderr at the end. */
    private CacheTally cacheTally;

    @Option(names = "--judge", paramLabel = "PROVIDER/MODEL",
            description = "The judge model of llm-rubric and factuality assertions that name none (any provider).")
    String judge;

    public CompareCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() throws Exception {
        cacheTally = cache.tally(session.env());
        ComparePlan plan = new ComparePlan(generation.models, PromptInput.resolve(prompt, prompts, session.in(),
                system), repeat, warmup, concurrency, providerLimits, generation.params(), generation.timeout(),
                samplesFile, settings());
        QualityGates gates = quality.gates(confidence == null ? RegressionRule.DEFAULT_CONFIDENCE : confidence);
        if (gates.any() && baseline == null) {
            throw new InputException("--max-pass-rate-drop, --max-latency-regression and --max-cost-increase need"
                    + " --baseline FILE (a previous compare report)");
        }
        CompareResults base = baseline == null ? null : CompareResults.read(baseline);
        CompareReport report;
        try (OpenedModels models = session.registry(common).open(plan.models());
             ModelJudges judges = new ModelJudges(session.registry(common), judge, generation.timeout());
             CompareRun run = new CompareRun(plan, models, session.config(common), session.env(),
                     session::cannotWrite, cache.around(resilience.middleware(models.labels()), cacheTally, models,
                             session.env()), judges)) {
            Progress progress = new Progress(session.err(), session.terminal(output.noColor).interactive(),
                    run.requests(), "compare");
            Interrupts.onInterrupt(run::cancel);
            report = run.execute(progress);
            progress.finish();
        }
        if (cacheTally != null) {
            session.err().println(cacheTally.summaryLine());
        }
        report = report.withScores(Scoring.score(plan.models().stream().map(ModelSpec::label).toList(),
                report.samples(), base, gates, gates.confidence()));
        output.emit(report, session);
        return ExitCodes.ofRun(session, report.run().interrupted(), CompareRun.whyNothingMeasured(report),
                report.scores().gateFailed() ? ScoresSection.verdictLine(report.scores().gate()) : null);
    }

    @Override
    protected boolean writesJUnit() {
        return true;
    }

    /** The settings as the report keeps them. */
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
        if (cacheTally != null) {
            s.put("cache", cacheTally);
        }
        return s;
    }
}
