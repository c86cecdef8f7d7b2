package dev.yardstick.cli;

import dev.yardstick.compare.ComparePlan;
import dev.yardstick.compare.CompareRun;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.CompareReport;
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

    @Mixin
    ResilienceOptions resilience;

    public CompareCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() throws Exception {
        ComparePlan plan = new ComparePlan(generation.models, PromptInput.resolve(prompt, prompts, session.in(),
                system), repeat, warmup, concurrency, providerLimits, generation.params(), generation.timeout(),
                samplesFile, settings());
        CompareReport report;
        try (OpenedModels models = session.registry(common).open(plan.models());
             CompareRun run = new CompareRun(plan, models, session.config(common), session.env(),
                     session::cannotWrite, resilience.middleware(models.labels()))) {
            Progress progress = new Progress(session.err(), session.terminal(output.noColor).interactive(),
                    run.requests(), "compare");
            Interrupts.onInterrupt(run::cancel);
            report = run.execute(progress);
            progress.finish();
        }
        output.emit(report, session);
        return ExitCodes.ofRun(session, report.run().interrupted(), CompareRun.whyNothingMeasured(report), null);
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
        return s;
    }
}
