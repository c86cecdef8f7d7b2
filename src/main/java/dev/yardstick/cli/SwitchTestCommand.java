package dev.yardstick.cli;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.SwitchReport;
import dev.yardstick.switching.script.ConversationScript;
import dev.yardstick.switching.script.ScriptLoader;
import dev.yardstick.switching.SwitchRun;
import dev.yardstick.switching.window.WindowStrategy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yardstick switch-test}: a scripted conversation across providers, checked turn by turn. */
@Command(name = "switch-test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scripted multi-turn conversation across providers and prove, check by check, that "
                + "the context survived the switch: history intact at every provider, windows fitted, failover "
                + "fired and recovered. Exits 1 when a check fails, so CI can gate a provider change.",
                "Example: yardstick switch-test scenarios/switch-support-handoff.yaml"})
public final class SwitchTestCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "A conversation script (YAML, see scenarios/).")
    Path script;

    @Option(names = "--matrix", description = "Run the conversation once for every ordered pair of the script's "
            + "models, switching at --switch-at, to find the pairs that break.")
    boolean matrix;

    @Option(names = "--switch-at", paramLabel = "TURN", description = "The first turn on the second model of each "
            + "--matrix pair (default: the script's first switch, else its middle turn).")
    Integer switchAt;

    @Option(names = "--fault", paramLabel = "MODEL:KIND@TURN", description = "Inject a fault: KIND is an HTTP "
            + "status (500, 429[=RETRY-AFTER]), timeout, broken-stream, or drop-system, drop-message, corrupt, "
            + "reorder; TURN is N, N-M or N-, with xK to fail only the first K tries. Repeatable.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "Override the script's window strategy: " + WindowStrategy.NAMES + ".")
    String strategy;

    @Option(names = "--keep-last", paramLabel = "N", description = "Earlier turns keep-last-n keeps.")
    Integer keepLast;

    @Option(names = "--summarizer", paramLabel = "NAME", description = "The named model summarize condenses with.")
    String summarizer;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Per-request timeout (overrides the "
            + "script's; default 60s).")
    String timeout;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the retry backoff's jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    public SwitchTestCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() throws Exception {
        ConversationScript conversation = script();
        List<ModelSpec> specs = conversation.specs().stream()
                .map(s -> s.withParams(new ModelParams(null, null, null, null, conversation.timeout()))).toList();
        Instant started = Instant.now();
        try (OpenedModels models = session.registry(common).open(specs)) {
            SwitchRun test = new SwitchRun(conversation, models.byLabel(),
                    new SwitchRun.Options(matrix, switchAt, seed), Clock.systemUTC());
            Interrupts.onInterrupt(test::cancel);
            StatusLine line = new StatusLine(session.err(), session.terminal(output.noColor).interactive());
            if (line.enabled()) {
                int turns = conversation.turns().size();
                test.onTurn((route, turn) -> line.show("switch-test: " + route + ", turn " + turn.turn() + "/"
                        + turns + " " + turn.status()));
            }
            SwitchReport report = test.run(started, settings(conversation));
            line.clear();
            output.emit(report, session);
            return ExitCodes.ofRun(session, test.cancelled(), SwitchRun.anyAnswered(report) ? null
                    : "no turn was answered (" + firstFailure(report) + ")", report.verdict().passed() ? null : "");
        }
    }

    private static String firstFailure(SwitchReport report) {
        return report.conversations().stream().flatMap(c -> c.checks().stream()).filter(c -> !c.passed())
                .map(c -> c.model() + ": " + c.detail()).findFirst().orElse("nothing ran");
    }

    private ConversationScript script() {
        if (switchAt != null && !matrix) {
            throw new InputException("--switch-at applies to --matrix runs only (a script switches with 'switch:')");
        }
        ConversationScript loaded = ScriptLoader.load(script, faults);
        if (strategy != null) {
            loaded = loaded.withWindow(WindowStrategy.of(strategy, keepLast, summarizer, null));
        } else if (keepLast != null || summarizer != null) {
            throw new InputException("--keep-last and --summarizer go with --strategy");
        }
        if (timeout != null) {
            loaded = loaded.withTimeout(Durations.parseFlag("timeout", timeout));
        }
        return loaded;
    }

    private Map<String, Object> settings(ConversationScript conversation) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("script", script.toString());
        s.put("matrix", matrix);
        if (switchAt != null) {
            s.put("switch_at", switchAt);
        }
        s.put("timeout", Durations.format(conversation.timeout()));
        s.put("max_tokens", conversation.maxTokens());
        s.put("seed", seed);
        if (!faults.isEmpty()) {
            s.put("faults", List.copyOf(faults));
        }
        return s;
    }
}
