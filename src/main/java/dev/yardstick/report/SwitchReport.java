package dev.yardstick.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code yardstick switch-test}: for each conversation run (one, or one per ordered pair of models
 * with {@code --matrix}) the per-turn table, every try, every failover and resilience event with its time, and the
 * list of checks with pass or fail. JSON holds all of it; CSV one row per turn; the document shows the tables,
 * the fitting, the failovers and the checks.
 */
public record SwitchReport(RunInfo run, Script script, List<ModelInfo> models, List<Conversation> conversations,
                           Verdict verdict, Map<String, String> metrics) implements Report {

    public SwitchReport {
        models = List.copyOf(models);
        conversations = List.copyOf(conversations);
    }

    /**
     * The script as it ran.
     *
     * @param models        the script's names and the models they stand for
     * @param window        the window strategy with its settings
     * @param reserveTokens room kept free for each answer (the answer's cap)
     * @param retry         retry settings of the failover chain
     * @param circuitBreaker circuit-breaker settings, one breaker per model
     * @param switchAt      the turn --matrix switches at, else null
     */
    public record Script(String name, String file, String description, Map<String, String> models, int turns,
                         String window, int reserveTokens, List<String> chain, Map<String, Object> retry,
                         Map<String, Object> circuitBreaker, List<String> faults, boolean matrix, Integer switchAt) {
        public Script {
            models = new LinkedHashMap<>(models);
            chain = List.copyOf(chain);
            faults = List.copyOf(faults);
        }
    }

    /**
     * One conversation from first turn to last (or to the turn no model could answer).
     *
     * @param route          the model each turn was sent to first, by label
     * @param completed      every turn was answered
     * @param breakers       each model's circuit-breaker state at the end
     * @param historyTokens  the whole final conversation as a request, in each model's tokenizer
     */
    public record Conversation(String label, List<String> route, boolean completed, boolean passed, List<Turn> turns,
                               List<Attempt> attempts, List<Failover> failovers, List<Event> events,
                               Map<String, String> breakers, Map<String, Integer> historyTokens, List<Check> checks) {
        public Conversation {
            route = List.copyOf(route);
            turns = List.copyOf(turns);
            attempts = List.copyOf(attempts);
            failovers = List.copyOf(failovers);
            events = List.copyOf(events);
            breakers = new LinkedHashMap<>(breakers);
            historyTokens = new LinkedHashMap<>(historyTokens);
            checks = List.copyOf(checks);
        }

        public long checksPassed() {
            return checks.stream().filter(Check::passed).count();
        }
    }

    /**
     * One turn.
     *
     * @param target       the model the turn was sent to first
     * @param model        the model that answered, null when none did
     * @param status       answered, failed, interrupted or not run
     * @param tries        requests sent for the turn, over all models
     * @param tokensBefore the history in the answering (else last tried) model's tokens, before fitting
     * @param tokensAfter  the same after fitting: what was sent
     * @param available    the room the window left for the history, null when the window is unknown
     * @param ratio        tokensAfter / tokensBefore
     * @param fitting      what the strategy did, empty when the history fitted whole
     * @param latencyMs    the answering request's end-to-end latency
     * @param turnMs       the whole turn: fitting, retries, waits and failover included
     */
    public record Turn(int turn, String user, String target, String model, String status, int tries,
                       Integer tokensBefore, Integer tokensAfter, Integer available, Double ratio, String fitting,
                       String tokenizer, String tokenSource, Integer outputTokens, Double latencyMs, Double turnMs,
                       int checksPassed, int checksTotal, String answer) {
    }

    /**
     * One try: answered, failed (with the error), unfit (the history does not fit that model) or refused (circuit
     * open).
     *
     * @param startMs   since the conversation started
     * @param received  whether the provider received the request (an injected 500 stops it before)
     * @param intact    whether what it received matched the state; null when it received nothing
     */
    public record Attempt(int turn, int number, String model, String outcome, double startMs, Double e2eMs,
                          String errorClass, Integer httpStatus, String error, Long retryAfterMs,
                          Integer tokensBefore, Integer tokensAfter, boolean received, Boolean intact) {
    }

    /**
     * A turn its own model did not answer.
     *
     * @param to            the model that answered instead, null when none did
     * @param tookMs        from the turn's start to the fallback's first try (or to giving up)
     * @param triesBefore   tries before the fallback's first one
     * @param cause         what went wrong with the turn's own model
     * @param historyIntact whether the fallback received the history intact; null when none was reached
     */
    public record Failover(int turn, String from, String to, double tookMs, int triesBefore, String cause,
                           Boolean historyIntact) {
    }

    /**
     * A resilience event: {@code circuit} (a state change), {@code retry}, {@code skipped}, {@code failover},
     * {@code exhausted} or {@code recovered}.
     *
     * @param atMs since the conversation started
     */
    public record Event(double atMs, Instant at, int turn, String model, String kind, String detail) {
    }

    /** One check: turn 0 for the conversation as a whole. */
    public record Check(int turn, String model, String check, boolean passed, String detail) {
    }

    public record Verdict(int conversations, int conversationsPassed, long checksPassed, long checksTotal,
                          boolean passed) {
    }

    @Override
    public Document document() {
        return new SwitchDocument(this).build();
    }

    @Override
    public Tabular tabular() {
        List<String> headers = List.of("conversation", "turn", "target", "model", "status", "tries",
                "tokens_before", "tokens_after", "available", "ratio", "fitting", "tokenizer", "token_source",
                "output_tokens", "latency_ms", "turn_ms", "checks_passed", "checks_total", "failed_checks");
        List<List<Object>> rows = new ArrayList<>();
        for (Conversation c : conversations) {
            for (Turn t : c.turns()) {
                List<Object> row = new ArrayList<>();
                row.add(c.label());
                row.add(t.turn());
                row.add(t.target());
                row.add(blank(t.model()));
                row.add(t.status());
                row.add(t.tries());
                row.add(blank(t.tokensBefore()));
                row.add(blank(t.tokensAfter()));
                row.add(blank(t.available()));
                row.add(t.ratio() == null ? "" : Formats.number(t.ratio(), 3));
                row.add(blank(t.fitting()));
                row.add(blank(t.tokenizer()));
                row.add(blank(t.tokenSource()));
                row.add(blank(t.outputTokens()));
                row.add(t.latencyMs() == null ? "" : Formats.number(t.latencyMs(), 1));
                row.add(t.turnMs() == null ? "" : Formats.number(t.turnMs(), 1));
                row.add(t.checksPassed());
                row.add(t.checksTotal());
                row.add(String.join("; ", c.checks().stream().filter(k -> k.turn() == t.turn() && !k.passed())
                        .map(Check::check).toList()));
                rows.add(row);
            }
        }
        return new Tabular(headers, rows);
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }

    /** What the figures mean, printed with every JSON report. */
    public static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("tokens_before", "the whole history plus the new user message, counted with the model's tokenizer, "
                + "with 3 tokens of framing per message and 3 per request");
        d.put("tokens_after", "the same for what was sent after the window strategy fitted it");
        d.put("available", "the model's context window minus the tokens reserved for the answer");
        d.put("ratio", "tokens_after / tokens_before (1 = nothing left out)");
        d.put("latency", "request start → last content chunk of the answering request");
        d.put("turn_ms", "turn start → answer end: fitting, summaries, retries, backoff waits and failover included");
        d.put("failover_ms", "turn start → start of the fallback's answering try");
        d.put("integrity", "what the provider received (captured by a langchain4j listener) against the "
                + "conversation state: every message present, in order, roles intact, content byte-identical, "
                + "unless the window strategy declared it dropped or condensed");
        return d;
    }
}
