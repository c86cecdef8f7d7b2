package dev.yardstick.cli;

import dev.yardstick.cache.CacheTally;
import dev.yardstick.compare.ComparePlan;
import dev.yardstick.compare.CompareRun;
import dev.yardstick.compare.scores.CompareResults;
import dev.yardstick.compare.scores.QualityGates;
import dev.yardstick.compare.scores.Scoring;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.Secrets;
import dev.yardstick.config.promptfoo.PromptfooReader;
import dev.yardstick.config.promptfoo.PromptfooSuite;
import dev.yardstick.eval.AssertionTypes;
import dev.yardstick.eval.ModelJudges;
import dev.yardstick.export.Exporter;
import dev.yardstick.export.Format;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.CompareSummary;
import dev.yardstick.report.WriteFailure;
import dev.yardstick.report.scores.ScoresSection;
import dev.yardstick.stats.RegressionRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(names = "--promptfoo", paramLabel = "FILE", converter = SettingConverters.ToPath.class,
            description = "A promptfoo config (promptfooconfig.yaml): its prompts, providers (unless -m names the"
                    + " models), tests and defaultTest, run as promptfoo would judge them.")
    Path promptfoo;

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

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Append a Markdown summary (the gate's verdict, what failed and by how much, the flipped"
                    + " cases, pass rates and their significance) to FILE, e.g. \"$GITHUB_STEP_SUMMARY\".")
    Path summary;

    @Option(names = "--judge", paramLabel = "PROVIDER/MODEL",
            description = "The judge model of llm-rubric and factuality assertions that name none (any provider).")
    String judge;

    public CompareCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() throws Exception {
        cacheTally = cache.tally(session.env());
        PromptfooSuite suite = readPromptfoo();
        List<ModelSpec> chosen = !generation.models.isEmpty() ? generation.models
                : suite != null ? suite.models() : List.of();
        if (chosen.isEmpty()) {
            throw new InputException("Missing required option: '--model=PROVIDER/MODEL' (or --promptfoo FILE, whose"
                    + " providers name the models)");
        }
        PromptSet set = suite == null ? PromptInput.resolve(prompt, prompts, session.in(), system)
                : system == null ? suite.prompts() : PromptInput.withSystem(suite.prompts(), system);
        ComparePlan plan = new ComparePlan(chosen, set, repeat, warmup, concurrency, providerLimits,
                generation.params(), generation.timeout(), samplesFile, settings());
        QualityGates gates = quality.gates(confidence == null ? RegressionRule.DEFAULT_CONFIDENCE : confidence);
        if (gates.any() && baseline == null) {
            throw new InputException("--max-pass-rate-drop, --max-latency-regression and --max-cost-increase need"
                    + " --baseline FILE (a previous compare report)");
        }
        CompareResults base = baseline == null ? null : CompareResults.read(baseline);
        CompareReport report;
        try (OpenedModels models = session.registry(common).open(plan.models());
             ModelJudges judges = new ModelJudges(session.registry(common), judge != null ? judge : set.judge(),
                     generation.timeout());
             CompareRun run = new CompareRun(plan, models, session.config(common), session.env(),
                     session::cannotWrite, cache.around(resilience.middleware(models.labels()), cacheTally, models,
                             session.env()), judges)) {
            StartupTrace.mark("models opened");
            Progress progress = new Progress(session.err(), session.terminal(output.noColor).interactive(),
                    run.requests(), "compare");
            Interrupts.onInterrupt(run::cancel);
            report = run.execute(progress);
            progress.finish();
        }
        StartupTrace.mark("last answer in, models closed");
        if (cacheTally != null) {
            session.err().println(cacheTally.summaryLine());
        }
        report = report.withScores(Scoring.score(plan.models().stream().map(ModelSpec::label).toList(),
                report.samples(), base, gates, gates.confidence()));
        StartupTrace.mark("scored");
        output.emit(report, session);
        StartupTrace.mark("report written");
        if (summary != null) {
            appendSummary(report);
        }
        return ExitCodes.ofRun(session, report.run().interrupted(), CompareRun.whyNothingMeasured(report),
                report.scores().gateFailed() ? ScoresSection.verdictLine(report.scores().gate()) : null);
    }

    /** The promptfoo config, mapped before anything opens; null without --promptfoo. */
    private PromptfooSuite readPromptfoo() {
        if (promptfoo == null) {
            return null;
        }
        if (prompt != null || prompts != null) {
            throw new InputException("give either --promptfoo or -p/--prompts, not both");
        }
        PromptfooSuite suite = PromptfooReader.read(promptfoo, AssertionTypes::check);
        // Also with -m: a judge the config names may be one of its providers.
        session.addEndpoints(common, suite.endpoints(), suite.keys());
        return suite;
    }

    /** Appends the Markdown summary; a file that cannot be written is reported like any output. */
    private void appendSummary(CompareReport report) {
        StringBuilder text = new StringBuilder();
        try {
            Exporter.of(Format.MARKDOWN, 120, false).write(new CompareSummary(report), text);
            Path parent = summary.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(summary, Secrets.redact(text.toString()) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            session.cannotWrite(WriteFailure.of(summary, e));
        }
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
