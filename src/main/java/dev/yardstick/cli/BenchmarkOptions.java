package dev.yardstick.cli;

import dev.yardstick.benchmark.BenchmarkPlan;
import dev.yardstick.benchmark.LengthDistribution;
import dev.yardstick.benchmark.Shard;
import dev.yardstick.benchmark.Sweep;
import dev.yardstick.benchmark.Warmup;
import dev.yardstick.benchmark.workload.ThinkTime;
import dev.yardstick.benchmark.workload.Trace;
import dev.yardstick.benchmark.workload.TraceFormat;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptSet;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.stats.SloSet;
import dev.yardstick.stats.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A benchmark plan's settings, each declared once: as its option here, whose long name is also its plan-file key
 * ({@link PlanFile}) and the {@link BenchmarkPlan} component it binds to ({@link RecordBinding}). A new setting is a
 * field here and a component there; the binding fails loudly at the first run if either is missing.
 */
public final class BenchmarkOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = PlanFile.LABEL,
            description = "A plan file (YAML, see scenarios/): every key is one of these flags' long name; flags given"
                    + " here override it.")
    Path planFile;

    @Option(names = "--name", paramLabel = "NAME", description = "The plan's name, shown in the report.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the plan is for, kept in the report.")
    String description;

    @Option(names = {"-m", "--model"}, descriptionKey = "models", paramLabel = "PROVIDER/MODEL",
            converter = SettingConverters.ToModel.class,
            description = "A model, e.g. mock/fast, local/stories260k, openai/gpt-4o-mini. Repeatable: the models"
                    + " take turns and share the load.")
    List<ModelSpec> models;

    @Option(names = "--concurrency", paramLabel = "N", description = "Closed loop: N requests in flight (default 1).")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "R",
            description = "Open loop: R requests per second, every start scheduled in advance.")
    Double rate;

    @Option(names = "--arrival", paramLabel = "KIND", converter = SettingConverters.ToArrival.class,
            description = "Open loop: constant (default) or poisson.")
    LoadShape.Arrival arrival;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "Open loop: at most N in flight; a request waiting for a slot is late, and its wait counts"
                    + " (default 1024).")
    Integer maxConcurrency;

    @Option(names = "--sweep", paramLabel = "DIM=V1,V2,...", converter = SettingConverters.ToSweep.class,
            description = "One step per value, e.g. concurrency=1,2,4,8,16 or rate=1,2,5,10; stops after a step over"
                    + " the error budget.")
    Sweep sweep;

    @Option(names = "--duration", paramLabel = "DURATION", converter = SettingConverters.ToDuration.class,
            description = "How long each step sends requests.")
    Duration duration;

    @Option(names = "--requests", paramLabel = "N",
            description = "Measured requests per step (default 100 when no --duration is given).")
    Long requests;

    @Option(names = "--warmup", paramLabel = "N|DURATION", converter = SettingConverters.ToWarmup.class,
            description = "Unmeasured requests (20) or time (5s) at the start of every step.")
    Warmup warmup;

    @Option(names = "--prompts", paramLabel = "FILE", converter = SettingConverters.ToPromptSet.class,
            description = "A prompt set to cycle through (see prompts/).")
    PromptSet prompts;

    @Option(names = "--input-tokens", paramLabel = "DIST", converter = SettingConverters.ToLength.class,
            description = "Synthetic prompts of this many tokens of the model's tokenizer: 512, uniform:256-1024 or"
                    + " normal:512,64 (default 128, when no --prompts).")
    LengthDistribution inputTokens;

    @Option(names = "--output-tokens", paramLabel = "N", description = "The output length to ask for (max tokens).")
    Integer outputTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (0–2).")
    Double temperature;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Base URL of the models' provider (an OpenAI-compatible server, say).")
    String baseUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = SettingConverters.ToDuration.class,
            description = "Per-request timeout (default 60s).")
    Duration timeout;

    @Option(names = "--slo", paramLabel = "SLOS", converter = SettingConverters.ToSlos.class,
            description = "Goodput's objectives, e.g. ttft=500ms,e2e=5s,itl=50ms,tpot=20ms.")
    SloSet slo;

    @Option(names = "--error-budget", paramLabel = "PERCENT", converter = SettingConverters.ToPercent.class,
            description = "The share of a step's requests that may fail or miss an SLO before a sweep stops"
                    + " (default 1%%).")
    Double errorBudget;

    @Option(names = "--fail-if", paramLabel = "GATE", converter = SettingConverters.ToGate.class,
            description = "Exit 1 when this holds for any step and model, e.g. 'p95(ttft) > 800ms', "
                    + "'error_rate > 1%%', 'throughput < 10'. Repeatable.")
    List<Threshold> failIf;

    @Option(names = "--baseline", paramLabel = "FILE", converter = SettingConverters.ToPath.class,
            description = "A report (JSON) to judge regressions against.")
    Path baseline;

    @Option(names = "--max-regression", paramLabel = "PERCENT", converter = SettingConverters.ToPercent.class,
            description = "With --baseline: exit 1 when a p50/p95/p99 latency or a throughput is worse by more"
                    + " (default 10%%) and the change is significant at --confidence.")
    Double maxRegression;

    @Mixin
    RegressionOptions regression;

    @Option(names = "--shard", paramLabel = "I/N", converter = SettingConverters.ToShard.class,
            description = "Run the I-th of N shares of the plan (1-based); merge the reports with 'report merge'.")
    Shard shard;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of synthetic prompts and Poisson arrivals.")
    Long seed;

    @Option(names = "--samples", paramLabel = "FILE", converter = SettingConverters.ToPath.class,
            description = "Append every measured sample to FILE (JSONL) the moment it completes.")
    Path samples;

    @Mixin
    ResilienceOptions resilience;

    @Option(names = "--trace", paramLabel = "FILE", converter = SettingConverters.ToTrace.class,
            description = "Replay a request log at its own times with its input and output lengths: Azure LLM"
                    + " inference CSV, Mooncake JSONL (hash ids shared as prefixes) or Yardstick JSONL.")
    Trace trace;

    @Option(names = "--trace-format", paramLabel = "FORMAT", converter = SettingConverters.ToTraceFormat.class,
            description = "The trace's format when its content does not tell: azure, mooncake or yardstick.")
    TraceFormat traceFormat;

    @Option(names = "--time-scale", paramLabel = "X",
            description = "Multiply the trace's times by X: 0.5 replays twice as fast (default 1).")
    Double timeScale;

    @Option(names = "--sessions", paramLabel = "N",
            description = "Run N multi-turn sessions per step: each turn carries the conversation so far;"
                    + " --concurrency sessions at once, or --rate sessions started per second.")
    Integer sessions;

    @Option(names = "--turns", paramLabel = "N", description = "Turns per session (default 3).")
    Integer turns;

    @Option(names = "--think-time", paramLabel = "DIST", converter = SettingConverters.ToThinkTime.class,
            description = "Pause between an answer and the next turn: 2s, exp:2s (mean) or uniform:1s..3s.")
    ThinkTime thinkTime;

    @Option(names = "--shared-prefix", paramLabel = "TOKENS",
            description = "Begin every synthetic prompt with TOKENS tokens of prefix, the same bytes for"
                    + " --prefix-share of them (so a server's prefix cache can hit), their own for the rest.")
    Integer sharedPrefix;

    @Option(names = "--prefix-share", paramLabel = "SHARE", converter = SettingConverters.ToShare.class,
            description = "The share of requests that begin with the shared prefix: 0.5 or 50%% (default 0.5).")
    Double prefixShare;

    @Option(names = "--exact-output-tokens",
            description = "Ask for exactly the output length where the protocol allows (vLLM-compatible min_tokens"
                    + " and ignore_eos), check every answer's length and warn when it was not met.")
    Boolean exactOutputTokens;

    @Mixin
    AnswerOptions answers;

    /** The plan these options hold, once parsed (flags over the plan file); a bad setting names its flag or line. */
    BenchmarkPlan plan(CommandLine.Model.CommandSpec spec) {
        PlanFile file = PlanFile.of(spec);
        Map<String, Object> written = file.written(spec);
        return file.located(() -> RecordBinding.bind(BenchmarkPlan.class, PlanFile.settings(spec),
                Map.of("settings", written)));
    }

    /** A plan from command-line arguments alone (a plan file, flags), as {@code yardstick benchmark} reads them. */
    public static BenchmarkPlan parse(String... args) {
        return parse(new PlanFile(), args);
    }

    /** A plan from settings as a report keeps them ({@code source} names them in errors), e.g. to merge reports. */
    public static BenchmarkPlan fromSettings(Map<String, Object> settings, String source) {
        return parse(PlanFile.preset(settings, source));
    }

    private static BenchmarkPlan parse(PlanFile defaults, String... args) {
        BenchmarkOptions options = new BenchmarkOptions();
        CommandLine cli = new CommandLine(options).setDefaultValueProvider(defaults);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw ParameterErrors.asInput(e);
        }
        return options.plan(cli.getCommandSpec());
    }
}
