package dev.yardstick.switching;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.ClientWarmupReport;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.report.ModelInfo;
import dev.yardstick.report.RunInfo;
import dev.yardstick.report.SwitchReport;
import dev.yardstick.switching.script.ConversationScript;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One {@code switch-test}: runs the script's conversation (or, with the matrix, one conversation per ordered pair
 * of its models) and builds the report. Conversations run one after another on the calling thread; each has its
 * own state, fault schedule and circuit breakers, so pairs never influence each other.
 */
public final class SwitchRun {

    /**
     * @param matrix   run every ordered pair of named models instead of the script's own route
     * @param switchAt the turn the matrix switches at; null for the script's first switch (else its middle)
     * @param seed     seeds the backoff jitter, so a rerun waits the same
     */
    public record Options(boolean matrix, Integer switchAt, long seed) {
    }

    private final ConversationScript script;
    private final Map<String, ModelClient> models;
    private final Options options;
    private final Clock clock;
    private volatile boolean cancelled;
    private volatile Thread runner;
    /** The first conversation's client warm-up: the one that found the clients cold. */
    private ClientWarmupReport clientWarmup;
    private volatile TurnListener turnListener = (conversation, turn) -> { };

    /** Told of each turn as it ends, for progress lines. */
    @FunctionalInterface
    public interface TurnListener {
        /** @param conversation the conversation's label (the route, or the matrix pair) */
        void onTurn(String conversation, SwitchReport.Turn turn);
    }

    /** @param models the script's models, opened, by label (closed by the caller) */
    public SwitchRun(ConversationScript script, Map<String, ModelClient> models, Options options, Clock clock) {
        this.script = script;
        this.models = Map.copyOf(models);
        this.options = options;
        this.clock = clock;
        Preflight.check(script, routes(), this.models); // bad settings and impossible turns fail before any request
    }

    public SwitchRun onTurn(TurnListener listener) {
        this.turnListener = listener;
        return this;
    }

    public SwitchReport run(Instant started, Map<String, Object> settings) {
        runner = Thread.currentThread();
        List<SwitchReport.Conversation> conversations = new ArrayList<>();
        try {
            for (ConversationScript.Route route : routes()) {
                if (cancelled) {
                    break;
                }
                try (ConversationRunner run = new ConversationRunner(script, route, !options.matrix(), models,
                        () -> cancelled, options.seed(), clock, turn -> turnListener.onTurn(route.label(), turn))) {
                    clientWarmup = clientWarmup != null ? clientWarmup : run.clientWarmup();
                    conversations.add(run.run());
                }
            }
        } finally {
            runner = null;
            Thread.interrupted(); // a Ctrl-C that arrived between requests must not outlive the run
        }
        return report(started, settings, conversations);
    }

    /** Stops the run (Ctrl-C): the request in flight ends, no further turn starts; the report keeps what finished. */
    public void cancel() {
        cancelled = true;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    private List<ConversationScript.Route> routes() {
        if (!options.matrix()) {
            return List.of(script.route());
        }
        if (script.models().size() < 2) {
            throw new InputException("--matrix needs at least two named models in " + script.file());
        }
        int turns = script.turns().size();
        int at = options.switchAt() == null ? script.defaultSwitchTurn() : options.switchAt();
        if (turns < 2 || at < 2 || at > turns) {
            throw new InputException("--switch-at must be a turn from 2 to " + turns + " (the first turn on the new "
                    + "model), got " + at + (turns < 2 ? ": the script needs at least two turns to switch" : ""));
        }
        return script.matrix(at);
    }

    private SwitchReport report(Instant started, Map<String, Object> settings,
                                List<SwitchReport.Conversation> conversations) {
        Map<String, OptionalInt> windows = ModelWindows.of(script, models);
        List<ModelInfo> infos = new ArrayList<>();
        windows.forEach((label, window) -> {
            ModelClient client = models.get(label);
            infos.add(ModelInfo.of(label, client, client.tokenCounter().source().label(), window, null));
        });
        Map<String, String> names = new java.util.LinkedHashMap<>();
        script.models().forEach((name, spec) -> names.put(name, spec.label()));
        List<String> faults = script.faults().stream().map(Fault::text).toList();
        Integer switchAt = options.matrix() ? (options.switchAt() == null ? script.defaultSwitchTurn()
                : options.switchAt()) : null;
        SwitchReport.Script info = new SwitchReport.Script(script.name(), script.file(), script.description(), names,
                script.turns().size(), script.window().describe(), script.maxTokens(), script.failover().chain(),
                PolicySettings.describe(script.failover().retry()),
                PolicySettings.describe(script.failover().breaker()), faults,
                options.matrix(), switchAt);
        int passedConversations = (int) conversations.stream().filter(SwitchReport.Conversation::passed).count();
        long checksPassed = conversations.stream().mapToLong(SwitchReport.Conversation::checksPassed).sum();
        long checksTotal = conversations.stream().mapToLong(c -> c.checks().size()).sum();
        boolean passed = !cancelled && !conversations.isEmpty() && passedConversations == conversations.size();
        RunInfo run = RunInfo.endingNow("switch-test", started, cancelled, settings, clientWarmup);
        return new SwitchReport(run, info, infos, conversations, new SwitchReport.Verdict(conversations.size(),
                passedConversations, checksPassed, checksTotal, passed), SwitchReport.definitions());
    }

    /** Whether any turn of any conversation was answered (else the run produced no result). */
    public static boolean anyAnswered(SwitchReport report) {
        return report.conversations().stream().flatMap(c -> c.turns().stream())
                .anyMatch(t -> t.status().equals("answered"));
    }
}
