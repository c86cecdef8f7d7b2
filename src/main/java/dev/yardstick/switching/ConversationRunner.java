package dev.yardstick.switching;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.Role;
import dev.yardstick.engine.ClientWarmupReport;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounting;
import dev.yardstick.engine.chain.FailoverChain;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.engine.chain.FaultInjector;
import dev.yardstick.engine.chain.FaultSchedule;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.report.SwitchReport.Check;
import dev.yardstick.report.SwitchReport;
import dev.yardstick.switching.integrity.IntegrityCheck;
import dev.yardstick.switching.integrity.ObservedClients;
import dev.yardstick.switching.integrity.ReceivedLog;
import dev.yardstick.switching.script.ConversationScript;
import dev.yardstick.switching.window.ConversationState;
import dev.yardstick.switching.window.Fitted;
import dev.yardstick.switching.window.Summarizer;
import dev.yardstick.switching.window.TokenMeter;
import dev.yardstick.switching.window.WindowFitter;
import dev.yardstick.switching.window.WindowOverflow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one conversation along one route: per turn, the new user message joins the state, the failover chain finds
 * a model to answer, each try fits the state into that model's window and goes through the orchestrator, what the
 * provider received is checked against the state, and the answer joins the state for the next turn, whichever
 * provider gave it. A turn no model answers ends the conversation: the next turn would have no history to build on.
 */
final class ConversationRunner implements AutoCloseable {

    private final ConversationScript script;
    private final ConversationScript.Route route;
    private final boolean checkAnsweredBy;
    private final BooleanSupplier cancelled;
    private final FaultSchedule faults;
    private final ObservedClients clients;
    private final Orchestrator orchestrator;
    private final EventLog events;
    private final FailoverChain<Attempt> chain;
    private final Summarizer summarizer;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, OptionalInt> windows = new LinkedHashMap<>();
    private final ModelParams params;
    private final Consumer<SwitchReport.Turn> onTurn;

    private ConversationState state;
    private final List<SwitchReport.Turn> turns = new ArrayList<>();
    private final List<SwitchReport.Attempt> attempts = new ArrayList<>();
    private final List<SwitchReport.Failover> failovers = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Set<String> failedOverFrom = new HashSet<>();

    /**
     * @param opened          the opened models by label (not closed here)
     * @param checkAnsweredBy whether turns' {@code answered-by} apply (not along --matrix routes)
     * @param onTurn          told of each turn as it ends
     */
    ConversationRunner(ConversationScript script, ConversationScript.Route route, boolean checkAnsweredBy,
                       Map<String, ModelClient> opened, BooleanSupplier cancelled, long seed, Clock clock,
                       Consumer<SwitchReport.Turn> onTurn) {
        this.script = script;
        this.route = route;
        this.checkAnsweredBy = checkAnsweredBy;
        this.cancelled = cancelled;
        this.faults = new FaultSchedule(script.faults());
        this.clients = new ObservedClients(opened);
        this.orchestrator = new Orchestrator(clients.clients(), TokenCounting.ALWAYS);
        orchestrator.warmUpClients(); // before the conversation's clock: no turn's time includes it
        this.events = new EventLog(System.nanoTime());
        this.chain = new FailoverChain<>(script.failover(), events, new SplittableRandom(seed), clock,
                script::nameOf, Attempt::refused);
        String summarizerName = script.window().summarizer();
        this.summarizer = summarizerName == null ? Summarizer.NONE
                : new ModelSummarizer(orchestrator, script.label(summarizerName), script.timeout(), sequence);
        this.params = new ModelParams(script.temperature(), script.maxTokens(), null, null, null);
        this.state = ConversationState.start(script.system());
        this.onTurn = onTurn;
        windows.putAll(ModelWindows.of(script, opened));
    }

    ClientWarmupReport clientWarmup() {
        return orchestrator.clientWarmup();
    }

    SwitchReport.Conversation run() {
        boolean going = true;
        for (ConversationScript.Turn turn : script.turns()) {
            String target = script.label(route.names().get(turn.number() - 1));
            if (!going || cancelled.getAsBoolean()) {
                turns.add(notRun(turn, target));
                continue;
            }
            going = turn(turn, target);
        }
        Map<String, Integer> historyTokens = new LinkedHashMap<>();
        for (String label : windows.keySet()) {
            historyTokens.put(label, new TokenMeter(clients.client(label).tokenCounter()).request(state.messages()));
        }
        boolean completed = turns.stream().allMatch(t -> t.status().equals("answered"));
        boolean passed = completed && checks.stream().allMatch(Check::passed);
        List<String> labels = route.names().stream().map(script::label).toList();
        return new SwitchReport.Conversation(route.label(), labels, completed, passed, turns, attempts, failovers,
                events.events(), chain.states(), historyTokens, checks);
    }

    /** Runs one turn; false when no model answered it. */
    private boolean turn(ConversationScript.Turn turn, String target) {
        int t = turn.number();
        state = state.append(Role.USER, turn.user(), t, "script");
        List<String> order = script.failover().order(route.names().get(t - 1)).stream().map(script::label)
                .distinct().toList();
        long turnStart = System.nanoTime();
        List<Attempt> tries = chain.run(t, order, (label, number) -> tryOnce(t, label, number), cancelled);
        long turnEnd = System.nanoTime();
        Attempt answer = !tries.isEmpty() && tries.get(tries.size() - 1).answered() ? tries.get(tries.size() - 1)
                : null;
        tries.forEach(a -> attempts.add(record(a)));
        int checksBefore = checks.size();
        checks.addAll(TurnChecks.of(script, checkAnsweredBy, turn, target, tries, answer));
        noteFailover(t, target, tries, answer, turnStart, turnEnd);
        List<Check> mine = checks.subList(checksBefore, checks.size());
        SwitchReport.Turn row = row(turn, target, tries, answer, (turnEnd - turnStart) / 1e6,
                (int) mine.stream().filter(Check::passed).count(), mine.size());
        turns.add(row);
        onTurn.accept(row);
        if (answer == null) {
            return false;
        }
        state = state.append(Role.ASSISTANT, answer.sample().text(), t, answer.model());
        return true;
    }

    /** One try of one model: fit the state into its window, send it, check what the provider received. */
    private Attempt tryOnce(int turn, String label, int number) {
        long start = System.nanoTime();
        ModelClient client = clients.client(label);
        TokenMeter meter = new TokenMeter(client.tokenCounter());
        state = state.countedFor(label, meter);
        Fitted fitted;
        try {
            fitted = WindowFitter.fit(state, label, meter, windows.get(label), script.maxTokens(), script.window(),
                    summarizer);
        } catch (WindowOverflow | Summarizer.SummaryFailure e) {
            return Attempt.unfit(turn, number, label, start, e.getMessage());
        }
        ReceivedLog log = clients.log(label);
        int mark = log.mark();
        Fault fault = faults.next(label, turn);
        Sample sample = orchestrator.execute(new PlannedRequest(sequence.getAndIncrement(), label, "turn-" + turn,
                number - 1, fitted.messages(), params, false), script.timeout(),
                fault == null ? m -> m : m -> new FaultInjector(m, fault));
        List<List<Message>> received = log.since(mark);
        IntegrityCheck.Result integrity = received.isEmpty() ? null
                : IntegrityCheck.check(state, fitted, received.get(received.size() - 1));
        return new Attempt(turn, number, label, start, sample.ok() ? Attempt.Outcome.ANSWERED
                : Attempt.Outcome.FAILED, sample, fitted, integrity, null);
    }

    private void noteFailover(int t, String target, List<Attempt> tries, Attempt answer, long turnStart,
                              long turnEnd) {
        if (tries.isEmpty() || cancelled.getAsBoolean() && answer == null) {
            return;
        }
        if (answer != null && answer.model().equals(target)) {
            if (failedOverFrom.remove(target)) {
                events.add(t, target, "recovered", "answered its turn again after an earlier failover");
            }
            return;
        }
        String cause = cause(tries.stream().filter(a -> a.model().equals(target)).toList());
        // Failover took until the fallback's first try began (its own retries are not failover time).
        int reached = answer == null ? tries.size() : indexOfFirst(tries, answer.model());
        double took = ((reached < tries.size() ? tries.get(reached).startNanos() : turnEnd) - turnStart) / 1e6;
        Boolean intact = answer == null || answer.integrity() == null ? null : answer.integrity().intact();
        failovers.add(new SwitchReport.Failover(t, target, answer == null ? null : answer.model(), took, reached,
                cause, intact));
        if (answer != null) {
            failedOverFrom.add(target);
        }
    }

    private static int indexOfFirst(List<Attempt> tries, String model) {
        for (int i = 0; i < tries.size(); i++) {
            if (tries.get(i).model().equals(model)) {
                return i;
            }
        }
        return tries.size();
    }

    /** What happened to the turn's own model, runs of the same outcome counted: {@code HTTP 500 ×2, circuit open}. */
    private static String cause(List<Attempt> own) {
        List<String> parts = new ArrayList<>();
        String previous = null;
        int run = 0;
        for (Attempt a : own) {
            String d = a.describe();
            if (d.equals(previous)) {
                run++;
                continue;
            }
            if (previous != null) {
                parts.add(previous + (run > 1 ? " ×" + run : ""));
            }
            previous = d;
            run = 1;
        }
        if (previous != null) {
            parts.add(previous + (run > 1 ? " ×" + run : ""));
        }
        return parts.isEmpty() ? "not tried" : String.join(", ", parts);
    }

    private SwitchReport.Turn row(ConversationScript.Turn turn, String target, List<Attempt> tries, Attempt answer,
                                  double turnMs, int passed, int total) {
        // The fitting shown: the answering try's, else the last fitted one's, else the history that did not fit.
        Attempt shown = answer;
        for (int i = tries.size() - 1; shown == null && i >= 0; i--) {
            if (tries.get(i).fitted() != null || tries.get(i).outcome() == Attempt.Outcome.UNFIT) {
                shown = tries.get(i);
            }
        }
        TokenMeter meter = shown == null ? null : new TokenMeter(clients.client(shown.model()).tokenCounter());
        Fitted f = shown == null ? null : shown.fitted();
        Integer before = f != null ? Integer.valueOf(f.tokensBefore())
                : meter != null ? Integer.valueOf(meter.request(state.messages())) : null;
        Integer available = f != null ? (f.available() < 0 ? null : f.available())
                : shown == null ? null : availableFor(shown.model());
        String fitting = f != null ? f.note() : shown == null ? null : "does not fit: " + shown.reason();
        int sent = (int) tries.stream().filter(a -> a.sample() != null).count();
        String status = answer != null ? "answered"
                : tries.stream().anyMatch(Attempt::cancelled) || cancelled.getAsBoolean() ? "interrupted" : "failed";
        Sample s = answer == null ? null : answer.sample();
        return new SwitchReport.Turn(turn.number(), turn.user(), target, answer == null ? null : answer.model(), status,
                sent, before, f == null ? null : f.tokensAfter(), available, f == null ? null : f.ratio(), fitting,
                meter == null ? null : meter.tokenizer(), meter == null ? null : meter.source().label(),
                s == null ? null : s.tokens().output(), s == null ? null : s.e2eNanos() / 1e6, turnMs, passed, total,
                s == null ? null : s.text());
    }

    private Integer availableFor(String label) {
        OptionalInt window = windows.get(label);
        return window.isPresent() ? window.getAsInt() - script.maxTokens() : null;
    }

    private static SwitchReport.Turn notRun(ConversationScript.Turn turn, String target) {
        return new SwitchReport.Turn(turn.number(), turn.user(), target, null, "not run", 0, null, null, null, null,
                null, null, null, null, null, null, 0, 0, null);
    }

    private SwitchReport.Attempt record(Attempt a) {
        Sample s = a.sample();
        Fitted f = a.fitted();
        var error = a.error();
        return new SwitchReport.Attempt(a.turn(), a.number(), a.model(), a.outcome().name().toLowerCase(
                java.util.Locale.ROOT), events.sinceStartMs(a.startNanos()), s == null ? null : s.e2eNanos() / 1e6,
                error == null ? null : error.errorClass().label(), error == null ? null : error.httpStatus(),
                error != null ? error.message() : a.reason(), error == null ? null : error.retryAfterMillis(),
                f == null ? null : f.tokensBefore(), f == null ? null : f.tokensAfter(), a.integrity() != null,
                a.integrity() == null ? null : a.integrity().intact());
    }

    @Override
    public void close() {
        orchestrator.close();
    }
}
