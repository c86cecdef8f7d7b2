package dev.yardstick.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.provider.TokenSource;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.mock.MockProvider;
import dev.yardstick.report.SwitchReport;
import dev.yardstick.report.SwitchReport.Check;
import dev.yardstick.switching.script.ConversationScript;
import dev.yardstick.switching.script.ScriptLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole conversations on in-process mock models (one token per word, answers of a set length, no delay): what each
 * turn, try, failover, event and check of the report says when turns are answered, fail over, recover, run out of
 * models, do not fit, or reach the provider damaged. Mock answers are {@code tokens=N} words, so every count below
 * follows from the script: 3 tokens of framing per message and per request, one token per word.
 */
class ConversationRunTest {

    private static final String A4 = "mock/instant?tokens=4";
    private static final String B3 = "mock/instant?tokens=3";

    @TempDir
    Path dir;

    private ConversationScript script(String yaml) {
        return ScriptLoader.load(TestScripts.write(dir, yaml), List.of());
    }

    private static Map<String, ModelClient> open(ConversationScript script) {
        Map<String, ModelClient> opened = new LinkedHashMap<>();
        for (ModelSpec spec : script.specs()) {
            opened.put(spec.label(), new MockProvider().open(spec, new ProviderContext(Map.of(), null)));
        }
        return opened;
    }

    private static SwitchReport run(ConversationScript script) {
        return new SwitchRun(script, open(script), new SwitchRun.Options(false, null, 1), Clock.systemUTC())
                .run(Instant.now(), Map.of());
    }

    private static List<String> checks(SwitchReport.Conversation c) {
        return c.checks().stream().map(k -> k.turn() + " " + k.model() + " " + k.check() + " " + k.passed()
                + (k.detail().isEmpty() ? "" : ": " + k.detail())).toList();
    }

    private static List<String> events(SwitchReport.Conversation c, String... kinds) {
        List<String> wanted = List.of(kinds);
        return c.events().stream().filter(e -> wanted.contains(e.kind()))
                .map(e -> e.turn() + " " + e.model() + " " + e.kind() + ": " + e.detail()).toList();
    }

    @Test
    void anAnsweredConversationReportsEveryTurnWithItsCountsAndChecks() {
        long before = System.nanoTime();
        SwitchReport report = run(script("""
                system: Be brief.
                models: {primary: "%s"}
                max-tokens: 16
                turns:
                  - user: hello there
                  - user: and again
                    expect: {max-tokens: 4, contains: [zebra-never-said]}
                """.formatted(A4)));
        double wallMs = (System.nanoTime() - before) / 1e6;
        SwitchReport.Conversation c = report.conversations().get(0);
        assertTrue(c.completed());
        assertFalse(c.passed(), "the second turn's answer lacks the word it must contain");
        assertEquals(List.of(A4, A4), c.route());

        SwitchReport.Turn first = c.turns().get(0);
        assertEquals("answered", first.status());
        assertEquals(A4, first.target());
        assertEquals(A4, first.model());
        assertEquals(1, first.tries());
        // 3 per request + (2 words + 3) system + (2 + 3) user
        assertEquals(13, first.tokensBefore());
        assertEquals(13, first.tokensAfter());
        assertEquals(1_000_000 - 16, first.available(), "the mock's window less the answer's room");
        assertEquals(1.0, first.ratio());
        assertEquals("", first.fitting());
        assertEquals("mock:words", first.tokenizer());
        assertEquals(TokenSource.COUNTED.label(), first.tokenSource());
        assertEquals(4, first.outputTokens());
        assertEquals(4, first.answer().split(" ").length);
        assertEquals(2, first.checksPassed());
        assertEquals(2, first.checksTotal());
        assertTrue(first.latencyMs() >= 0 && first.latencyMs() <= first.turnMs(), first + "");
        assertTrue(first.turnMs() < wallMs, "a turn takes less than the whole run: " + first.turnMs());

        SwitchReport.Turn second = c.turns().get(1);
        assertEquals(13 + (4 + 3) + (2 + 3), second.tokensBefore(), "the answer joined the history");
        assertEquals(3, second.checksPassed());
        assertEquals(4, second.checksTotal());

        assertEquals(List.of(
                "1 " + A4 + " answered true",
                "1 " + A4 + " history intact true: 2 messages in order, roles and bytes intact",
                "2 " + A4 + " answered true",
                "2 " + A4 + " history intact true: 4 messages in order, roles and bytes intact",
                "2 " + A4 + " contains \"zebra-never-said\" false: not found in the answer",
                "2 " + A4 + " at most 4 tokens true"), checks(c));

        SwitchReport.Attempt attempt = c.attempts().get(0);
        assertEquals("answered", attempt.outcome());
        assertEquals(1, attempt.turn());
        assertEquals(1, attempt.number());
        assertTrue(attempt.startMs() > 0 && attempt.startMs() < wallMs, "since the conversation began: "
                + attempt.startMs());
        assertEquals(first.latencyMs(), attempt.e2eMs());
        assertNull(attempt.errorClass());
        assertNull(attempt.httpStatus());
        assertNull(attempt.error());
        assertEquals(13, attempt.tokensBefore());
        assertEquals(13, attempt.tokensAfter());
        assertTrue(attempt.received());
        assertEquals(Boolean.TRUE, attempt.intact());
        assertTrue(c.attempts().get(1).startMs() > attempt.startMs());

        assertEquals(List.of(), c.failovers());
        assertEquals(List.of(), c.events());
        // sys, two user messages of 2 words, two answers of 4: 3 + 5 + 5 + 7 + 5 + 7
        assertEquals(Map.of(A4, 32), c.historyTokens());
        assertEquals(Map.of(A4, "CLOSED"), c.breakers());
        assertEquals(new SwitchReport.Verdict(1, 0, 5, 6, false), report.verdict());
        assertTrue(SwitchRun.anyAnswered(report));
    }

    @Test
    void theReportDescribesTheScriptAndItsModels() {
        ConversationScript script = script("""
                name: support
                description: two mocks
                models:
                  primary: "%s"
                  backup: "%s"
                max-tokens: 16
                window: {strategy: keep-last-n, keep-last: 1}
                faults: ["backup:500@9"]
                turns: [{user: one}]
                """.formatted(A4, B3));
        SwitchRun switchRun = new SwitchRun(script, open(script), new SwitchRun.Options(false, null, 1),
                Clock.systemUTC());
        SwitchReport report = switchRun.run(Instant.now(), Map.of("seed", 1));
        assertFalse(switchRun.cancelled());
        assertFalse(report.run().interrupted());
        assertEquals("switch-test", report.run().command());
        assertNotNull(report.run().clientWarmup(), "the clients were warmed up before the first turn");
        SwitchReport.Script s = report.script();
        assertEquals("support", s.name());
        assertEquals("two mocks", s.description());
        assertEquals(Map.of("primary", A4, "backup", B3), s.models());
        assertEquals(List.of("primary", "backup"), List.copyOf(s.models().keySet()));
        assertEquals(1, s.turns());
        assertEquals("keep-last-n (1 earlier turn)", s.window());
        assertEquals(16, s.reserveTokens());
        assertEquals(List.of("backup:500@9"), s.faults());
        assertFalse(s.matrix());
        assertNull(s.switchAt());
        assertEquals(List.of(A4, B3), report.models().stream().map(m -> m.model()).toList());
        assertTrue(report.models().stream().allMatch(m -> m.synthetic() && m.provider().equals("mock")
                && m.tokenizer().equals("mock:words") && m.contextWindow() == 1_000_000), report.models() + "");
        assertTrue(report.verdict().passed());
        assertEquals(new SwitchReport.Verdict(1, 1, 2, 2, true), report.verdict());
    }

    /** Two mocks, a chain from primary to backup, two quick tries each and a breaker that does not open. */
    private ConversationScript failover(String faults, String turns) {
        return failover(2, "{window: 10, min-calls: 10, failure-rate: 100, open-for: 5s}", faults, turns);
    }

    private ConversationScript failover(int tries, String breaker, String faults, String turns) {
        return script("""
                system: Be brief.
                models:
                  primary: "%s"
                  backup: "%s"
                max-tokens: 16
                failover:
                  chain: [primary, backup]
                  retry: {max-attempts: %d, backoff: 1ms, jitter: 0}
                  circuit-breaker: %s
                faults: [%s]
                turns:
                %s""".formatted(A4, B3, tries, breaker, faults, turns));
    }

    @Test
    void aFailingModelFailsOverToTheBackupAndRecoversOnItsNextTurn() {
        SwitchReport.Conversation c = run(failover("\"primary:500@2\"", """
                  - user: one
                  - user: two
                    answered-by: backup
                  - user: three
                    answered-by: backup
                """)).conversations().get(0);
        assertEquals(List.of("answered", "answered", "answered"), c.turns().stream().map(SwitchReport.Turn::status)
                .toList());
        SwitchReport.Turn two = c.turns().get(1);
        assertEquals(A4, two.target());
        assertEquals(B3, two.model());
        assertEquals(3, two.tries(), "two failed tries of primary, then backup");
        assertEquals(3, two.outputTokens());

        List<SwitchReport.Attempt> tries = c.attempts().stream().filter(a -> a.turn() == 2).toList();
        assertEquals(List.of("failed", "failed", "answered"), tries.stream().map(SwitchReport.Attempt::outcome)
                .toList());
        assertEquals(List.of(1, 2, 3), tries.stream().map(SwitchReport.Attempt::number).toList());
        SwitchReport.Attempt failed = tries.get(0);
        assertEquals("http-5xx", failed.errorClass());
        assertEquals(500, failed.httpStatus());
        assertTrue(failed.error().contains("injected fault primary:500@2"), failed.error());
        assertFalse(failed.received(), "an injected 500 stops the request before the provider");
        assertNull(failed.intact());
        assertNotNull(failed.e2eMs());
        assertTrue(tries.get(2).received());

        SwitchReport.Failover f = c.failovers().get(0);
        assertEquals(2, f.turn());
        assertEquals(A4, f.from());
        assertEquals(B3, f.to());
        assertEquals(2, f.triesBefore());
        assertEquals("HTTP 500 ×2", f.cause());
        assertEquals(Boolean.TRUE, f.historyIntact());
        assertTrue(f.tookMs() >= 0 && f.tookMs() <= two.turnMs(), f + " in " + two.turnMs());
        assertEquals(1, c.failovers().size(), "turn 3 is answered by its own model again");

        assertEquals(List.of(
                "2 " + A4 + " retry: after HTTP 500, try again in 1 ms",
                "2 " + A4 + " failover: moving on to backup: retries spent, last HTTP 500",
                "3 " + A4 + " recovered: answered its turn again after an earlier failover"),
                events(c, "retry", "failover", "exhausted", "recovered"));
        assertEquals(List.of(
                "2 " + B3 + " answered true",
                "2 " + B3 + " history intact true: 4 messages in order, roles and bytes intact",
                "2 " + B3 + " answered by backup true",
                "3 " + A4 + " answered true",
                "3 " + A4 + " history intact true: 6 messages in order, roles and bytes intact",
                "3 " + A4 + " answered by backup false: answered by " + A4),
                checks(c).subList(2, 8));
        assertEquals(Map.of(A4, 3 + 5 + 4 + 7 + 4 + 6 + 4 + 7, B3, 3 + 5 + 4 + 7 + 4 + 6 + 4 + 7), c.historyTokens());
    }

    @Test
    void aTurnNoModelAnswersEndsTheConversation() {
        SwitchReport report = run(script("""
                models: {primary: "%s"}
                max-tokens: 16
                failover:
                  retry: {max-attempts: 2, backoff: 1ms, jitter: 0}
                  circuit-breaker: {window: 10, min-calls: 10, failure-rate: 100}
                faults: ["primary:500@2x1", "primary:503=1ms@2"]
                turns:
                  - user: one
                  - user: two words
                    answered-by: primary
                  - user: three
                """.formatted(A4)));
        SwitchReport.Conversation c = report.conversations().get(0);
        assertFalse(c.completed());
        assertFalse(c.passed());
        assertFalse(report.verdict().passed());
        assertEquals(List.of("answered", "failed", "not run"), c.turns().stream().map(SwitchReport.Turn::status)
                .toList());
        SwitchReport.Turn two = c.turns().get(1);
        assertNull(two.model());
        assertEquals(2, two.tries());
        assertEquals(4 + 7 + 5 + 3, two.tokensBefore(), "the last fitted try's history");
        assertEquals("", two.fitting());
        assertEquals("mock:words", two.tokenizer());
        assertNull(two.outputTokens());
        assertNull(two.latencyMs());
        assertNull(two.answer());
        SwitchReport.Turn three = c.turns().get(2);
        assertEquals(new SwitchReport.Turn(3, "three", A4, null, "not run", 0, null, null, null, null, null, null,
                null, null, null, null, 0, 0, null), three);

        assertEquals(List.of(
                "2 " + A4 + " answered false: no model answered: primary: HTTP 500; primary: HTTP 503",
                "2 " + A4 + " answered by primary false: no answer"), checks(c).subList(2, 4));
        assertEquals(4, c.checks().size(), "no check of a turn that never ran");
        SwitchReport.Failover f = c.failovers().get(0);
        assertNull(f.to());
        assertEquals(2, f.triesBefore(), "every try of the turn");
        assertEquals("HTTP 500, HTTP 503", f.cause());
        assertNull(f.historyIntact());
        assertEquals(List.of("2 " + A4 + " exhausted: no model left in the chain: retries spent, last HTTP 503"),
                events(c, "failover", "exhausted"));
        assertEquals(1, c.attempts().get(2).retryAfterMs(), "the 503's Retry-After of 1 ms");
        assertTrue(SwitchRun.anyAnswered(report));
    }

    @Test
    void aRunWithNoAnsweredTurnHasNoResult() {
        SwitchReport report = run(script("""
                models: {primary: "%s"}
                failover: {retry: {max-attempts: 1}}
                faults: ["primary:404@1-"]
                turns: [{user: one}, {user: two}]
                """.formatted(A4)));
        assertFalse(SwitchRun.anyAnswered(report));
        SwitchReport.Conversation c = report.conversations().get(0);
        assertEquals("HTTP 404", c.failovers().get(0).cause());
        assertEquals(List.of("1 " + A4 + " exhausted: no model left in the chain: HTTP 404 is not worth a retry"),
                events(c, "failover", "exhausted"));
    }

    @Test
    void anOpenCircuitIsSkippedAndAFailedTurnShowsItsLastFittedTry() {
        SwitchReport.Conversation c = run(failover(3, "{window: 2, min-calls: 2, failure-rate: 100, open-for: 60s}",
                "\"primary:500@2-\", \"backup:500@3-\"", """
                  - user: one
                  - user: two
                  - user: three
                    switch: backup
                  - user: four
                """)).conversations().get(0);
        assertEquals(List.of("answered", "answered", "failed", "not run"), c.turns().stream()
                .map(SwitchReport.Turn::status).toList());
        List<SwitchReport.Attempt> three = c.attempts().stream().filter(a -> a.turn() == 3).toList();
        assertEquals(List.of(B3 + " failed", B3 + " failed", A4 + " refused"), three.stream()
                .map(a -> a.model() + " " + a.outcome()).toList());
        assertEquals("circuit open", three.get(2).error());
        assertNull(three.get(2).e2eMs());
        SwitchReport.Turn row = c.turns().get(2);
        assertEquals(B3, row.target());
        assertEquals(2, row.tries(), "a refused try sends nothing");
        // system, turns 1 and 2 (user 1 word, answers 4 and 3 words), the new message: the backup's last try
        assertEquals(3 + 5 + 4 + 7 + 4 + 6 + 4, row.tokensBefore());
        assertEquals(row.tokensBefore(), row.tokensAfter());
        assertEquals("mock:words", row.tokenizer());

        assertEquals(List.of(
                "2 " + A4 + " circuit: CLOSED → OPEN",
                "2 " + A4 + " failover: moving on to backup: HTTP 500, circuit now open",
                "3 " + B3 + " circuit: CLOSED → OPEN",
                "3 " + B3 + " failover: moving on to primary: HTTP 500, circuit now open",
                "3 " + A4 + " skipped: circuit open",
                "3 " + A4 + " exhausted: no model left in the chain: circuit open"),
                events(c, "circuit", "failover", "exhausted", "skipped"));
        assertEquals(Map.of(A4, "OPEN", B3, "OPEN"), c.breakers());
        SwitchReport.Failover f = c.failovers().get(1);
        assertEquals(B3, f.from());
        assertNull(f.to());
        assertEquals("HTTP 500 ×2", f.cause());
        assertEquals(3, f.triesBefore());
    }

    @Test
    void historyDamageOnTheWayIsCaughtOnEveryRequestThatReachedTheProvider() {
        SwitchReport.Conversation c = run(failover("\"primary:corrupt@2\", \"primary:broken-stream@3x1\"", """
                  - user: one
                  - user: two
                  - user: three
                """)).conversations().get(0);
        assertTrue(c.completed());
        assertFalse(c.passed());
        SwitchReport.Attempt corrupted = c.attempts().get(1);
        assertEquals("answered", corrupted.outcome());
        assertTrue(corrupted.received());
        assertEquals(Boolean.FALSE, corrupted.intact());
        Check damaged = c.checks().stream().filter(k -> k.turn() == 2 && k.check().equals("history intact"))
                .findFirst().orElseThrow();
        assertFalse(damaged.passed());
        // The oldest history message, "one", had its middle character changed.
        assertEquals("message #1 (user, turn 1) arrived changed: first difference at byte 1 of 3 (expected "
                + "\"one\", got \"oxe\")", damaged.detail());
        assertEquals(List.of(), c.failovers(), "every turn answered by its own model");

        List<SwitchReport.Attempt> three = c.attempts().stream().filter(a -> a.turn() == 3).toList();
        assertEquals(List.of("failed", "answered"), three.stream().map(SwitchReport.Attempt::outcome).toList());
        assertEquals("stream broken off after 2 chunks (injected fault primary:broken-stream@3x1)",
                three.get(0).error());
        assertTrue(three.get(0).received(), "a broken stream was sent and begun");
        assertEquals("3 " + A4 + " history intact true: 6 messages in order, roles and bytes intact (2 requests)",
                checks(c).get(checks(c).size() - 1));
    }

    @Test
    void aStreamShorterThanTheBreakPointNeverArrivesWhole() {
        SwitchReport.Conversation c = run(script("""
                models: {primary: "mock/instant?tokens=1"}
                failover: {retry: {max-attempts: 1}}
                faults: ["primary:broken-stream@1"]
                turns: [{user: one}]
                """)).conversations().get(0);
        assertEquals("stream broken off after 1 chunks (injected fault primary:broken-stream@1)",
                c.attempts().get(0).error());
        assertEquals("failed", c.turns().get(0).status());
    }

    /** Three turns of 2-word messages and 4-word answers into a window of 40 with 10 reserved for the answer. */
    private SwitchReport.Conversation narrow(String strategy) {
        return run(script("""
                system: Be brief.
                models:
                  primary: {model: "%s", context-window: 40}
                max-tokens: 10
                window: {strategy: %s}
                turns: [{user: one two}, {user: three four}, {user: five six}]
                """.formatted(A4, strategy))).conversations().get(0);
    }

    @Test
    void aHistoryTooLongForTheWindowIsFittedAndTheDropDeclared() {
        // 40 tokens with 10 reserved leave 30: turn 3's history of 37 drops turn 1 (12 tokens).
        SwitchReport.Conversation c = narrow("drop-oldest");
        assertTrue(c.passed(), checks(c).toString());
        SwitchReport.Turn three = c.turns().get(2);
        assertEquals(37, three.tokensBefore());
        assertEquals(25, three.tokensAfter());
        assertEquals(30, three.available());
        assertEquals(25 / 37.0, three.ratio(), 1e-9);
        assertEquals("dropped 1 earlier turn (turn 1)", three.fitting());
        assertEquals(37, c.attempts().get(2).tokensBefore());
        assertEquals(25, c.attempts().get(2).tokensAfter());
        assertEquals("3 " + A4 + " history intact true: 4 messages in order, roles and bytes intact; 2 dropped by "
                + "drop-oldest (declared)", checks(c).get(checks(c).size() - 1));
    }

    @Test
    void aHistoryTheStrategyCannotFitFailsTheTurnWithTheReason() {
        SwitchReport.Conversation c = narrow("fail");
        String reason = "the history needs 37 tokens but " + A4 + "'s window leaves 30 (window strategy fail)";
        SwitchReport.Turn three = c.turns().get(2);
        assertEquals("failed", three.status());
        assertEquals(0, three.tries());
        assertEquals(37, three.tokensBefore(), "the whole history, counted for the model");
        assertNull(three.tokensAfter());
        assertEquals(30, three.available());
        assertNull(three.ratio());
        assertEquals("does not fit: " + reason, three.fitting());
        assertEquals("mock:words", three.tokenizer());
        SwitchReport.Attempt unfit = c.attempts().get(2);
        assertEquals("unfit", unfit.outcome());
        assertEquals(reason, unfit.error());
        assertNull(unfit.e2eMs());
        assertNull(unfit.tokensBefore());
        assertFalse(unfit.received());
        assertEquals(List.of(
                "3 " + A4 + " history fits the window false: " + reason,
                "3 " + A4 + " answered false: no model answered: primary: " + reason),
                checks(c).subList(checks(c).size() - 2, checks(c).size()));
        SwitchReport.Failover f = c.failovers().get(0);
        assertEquals(reason, f.cause());
        assertEquals(1, f.triesBefore());
        assertEquals(Map.of(A4, "CLOSED"), c.breakers(), "an unfit try says nothing about the provider");
    }

    /** Five turns into a window of 60, the older ones condensed by {@code small}, a second mock. */
    private SwitchReport.Conversation summarizing(String small, String faults) {
        return run(script("""
                system: Be brief.
                models:
                  primary: {model: "%s", context-window: 60}
                  small: "%s"
                max-tokens: 10
                window: {strategy: summarize, summarizer: small, summary-tokens: 6}
                faults: %s
                turns: [{user: a b}, {user: c d}, {user: e f}, {user: g h}, {user: i j}]
                """.formatted(A4, small, faults))).conversations().get(0);
    }

    @Test
    void olderTurnsAreCondensedByTheSummarizerModel() {
        // 60 with 10 reserved leave 50. Turn 4's history: 3 + 5 + 3 × (5 + 7) + 5 = 49 fits; turn 5's 61 does not.
        // Keeping turn 4 leaves 50 − (3 + 5 + 12 + 5) − 3 = 22 for the summary message, 17 past its prefix:
        // the summarizer (3 words an answer) is asked for at most min(6, 17) = 6.
        SwitchReport.Conversation c = summarizing(B3, "[]");
        assertTrue(c.passed(), checks(c).toString());
        SwitchReport.Turn five = c.turns().get(4);
        assertEquals(61, five.tokensBefore());
        assertEquals("condensed turns 1–3 into a summary by small", five.fitting());
        // system 5, summary (5 + 3) + 3, turn 4 kept 12, the new message 5
        assertEquals(3 + 5 + 11 + 12 + 5, five.tokensAfter());
        assertEquals("5 " + A4 + " history intact true: 5 messages in order, roles and bytes intact; 6 condensed by "
                + "summarize (declared)", checks(c).get(checks(c).size() - 1));
        assertEquals(Map.of(A4, "CLOSED"), c.breakers(), "the summary request is no try of the turn");
    }

    @Test
    void aFailedSummaryMakesTheTurnUnfitWithTheCause() {
        String failing = "mock/instant?tokens=3&error-rate=1&error-status=502";
        SwitchReport.Conversation c = summarizing(failing, "[]");
        SwitchReport.Attempt unfit = c.attempts().get(4);
        assertEquals("unfit", unfit.outcome());
        assertTrue(unfit.error().startsWith("the summary by " + failing + " failed: http-5xx, "), unfit.error());
        assertEquals("failed", c.turns().get(4).status());
    }

    @Test
    void aTurnsInjectedFaultsMeetOnlyItsTriesNeverTheSummaryRequest() {
        // Faults are drawn per try of a turn; the summarizer's request is no try, so its fault goes unmet.
        SwitchReport.Conversation c = summarizing(B3, "[\"small:502@5\"]");
        assertTrue(c.passed(), checks(c).toString());
        SwitchReport.Turn five = c.turns().get(4);
        assertEquals("answered", five.status());
        assertEquals(1, five.tries());
        assertEquals("condensed turns 1–3 into a summary by small", five.fitting());
        assertEquals(5, c.attempts().size());
    }

    @Test
    void aCancelBetweenTurnsLeavesTheRestNotRun() {
        ConversationScript script = script("""
                models: {primary: "%s"}
                turns: [{user: one}, {user: two}, {user: three}]
                """.formatted(A4));
        SwitchRun switchRun = new SwitchRun(script, open(script), new SwitchRun.Options(false, null, 1),
                Clock.systemUTC());
        switchRun.onTurn((conversation, turn) -> switchRun.cancel());
        SwitchReport report = switchRun.run(Instant.now(), Map.of());
        assertTrue(switchRun.cancelled());
        assertTrue(report.run().interrupted());
        assertFalse(report.verdict().passed());
        SwitchReport.Conversation c = report.conversations().get(0);
        assertEquals(List.of("answered", "not run", "not run"), c.turns().stream().map(SwitchReport.Turn::status)
                .toList());
        assertFalse(Thread.currentThread().isInterrupted(), "the run's interrupt does not outlive it");
    }

    @Test
    void aRunCancelledBeforeItStartsHasNoConversation() {
        ConversationScript script = script("""
                models: {primary: "%s"}
                turns: [{user: one}]
                """.formatted(A4));
        SwitchRun switchRun = new SwitchRun(script, open(script), new SwitchRun.Options(false, null, 1),
                Clock.systemUTC());
        switchRun.cancel();
        SwitchReport report = switchRun.run(Instant.now(), Map.of());
        assertEquals(List.of(), report.conversations());
        assertFalse(report.verdict().passed());
    }

    @Test
    void theMatrixRunsEveryOrderedPairAndIgnoresAnsweredBy() {
        ConversationScript script = script("""
                models: {a: "%s", b: "%s"}
                turns: [{user: one, answered-by: b}, {user: two}, {user: three}]
                """.formatted(A4, B3));
        List<String> seen = new java.util.ArrayList<>();
        SwitchReport report = new SwitchRun(script, open(script), new SwitchRun.Options(true, null, 1),
                Clock.systemUTC()).onTurn((conversation, turn) -> seen.add(conversation + " " + turn.turn()))
                .run(Instant.now(), Map.of());
        assertEquals(List.of("a → b at turn 2", "b → a at turn 2"), report.conversations().stream()
                .map(SwitchReport.Conversation::label).toList());
        assertEquals(List.of(A4, B3, B3), report.conversations().get(0).route());
        assertEquals(List.of(B3, A4, A4), report.conversations().get(1).route());
        assertEquals(6, seen.size());
        assertEquals("b → a at turn 2 3", seen.get(5));
        assertTrue(report.verdict().passed(), "answered-by is not checked along matrix routes");
        assertTrue(report.script().matrix());
        assertEquals(2, report.script().switchAt());
        assertEquals(3, new SwitchRun(script, open(script), new SwitchRun.Options(true, 3, 1), Clock.systemUTC())
                .run(Instant.now(), Map.of()).script().switchAt());
    }

    @Test
    void theMatrixRefusesASwitchOutsideTheConversation() {
        ConversationScript script = script("""
                models: {a: "%s", b: "%s"}
                turns: [{user: one}, {user: two}, {user: three}]
                """.formatted(A4, B3));
        Map<String, ModelClient> opened = open(script);
        for (int at : new int[] {1, 4}) {
            InputException e = assertThrows(InputException.class, () -> new SwitchRun(script, opened,
                    new SwitchRun.Options(true, at, 1), Clock.systemUTC()));
            assertEquals("--switch-at must be a turn from 2 to 3 (the first turn on the new model), got " + at,
                    e.getMessage());
        }
        new SwitchRun(script, opened, new SwitchRun.Options(true, 2, 1), Clock.systemUTC());
        new SwitchRun(script, opened, new SwitchRun.Options(true, 3, 1), Clock.systemUTC());

        ConversationScript twoTurns = script("""
                models: {a: "%s", b: "%s"}
                turns: [{user: one}, {user: two}]
                """.formatted(A4, B3));
        assertEquals(2, new SwitchRun(twoTurns, opened, new SwitchRun.Options(true, null, 1), Clock.systemUTC())
                .run(Instant.now(), Map.of()).conversations().size(), "two turns are enough to switch at the second");
        InputException late = assertThrows(InputException.class, () -> new SwitchRun(twoTurns, opened,
                new SwitchRun.Options(true, 3, 1), Clock.systemUTC()));
        assertEquals("--switch-at must be a turn from 2 to 2 (the first turn on the new model), got 3",
                late.getMessage());

        ConversationScript oneTurn = script("""
                models: {a: "%s", b: "%s"}
                turns: [{user: one}]
                """.formatted(A4, B3));
        InputException short_ = assertThrows(InputException.class, () -> new SwitchRun(oneTurn, open(oneTurn),
                new SwitchRun.Options(true, 2, 1), Clock.systemUTC()));
        assertTrue(short_.getMessage().endsWith("got 2: the script needs at least two turns to switch"),
                short_.getMessage());

        ConversationScript oneModel = script("""
                models: {a: "%s"}
                turns: [{user: one}, {user: two}]
                """.formatted(A4));
        InputException single = assertThrows(InputException.class, () -> new SwitchRun(oneModel, open(oneModel),
                new SwitchRun.Options(true, null, 1), Clock.systemUTC()));
        assertTrue(single.getMessage().startsWith("--matrix needs at least two named models"), single.getMessage());
    }

    @Test
    void aTurnThatCanNeverFitIsRefusedBeforeAnyRequest() {
        ConversationScript script = script("""
                system: Be brief.
                models:
                  primary: {model: "%s", context-window: 30}
                max-tokens: 10
                turns:
                  - user: short
                  - user: this message is far too long for the tiny window it is sent to
                """.formatted(A4));
        InputException e = assertThrows(InputException.class, () -> new SwitchRun(script, open(script),
                new SwitchRun.Options(false, null, 1), Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith(script.file() + ":7: field 'turns[1].user': turn 2 cannot be sent to "
                + A4 + ": the system prompt and turn 2's user message need 25 tokens"), e.getMessage());
    }

    @Test
    void aModelsWindowIsTheSmallestOfItsProvidersAndEveryCapTheScriptSets() {
        ConversationScript script = script("""
                models:
                  wide: {model: "%s", context-window: 60}
                  narrow: {model: "%s", context-window: 40}
                  other: "%s"
                turns: [{user: one}]
                """.formatted(A4, A4, B3));
        Map<String, OptionalInt> windows = ModelWindows.of(script, open(script));
        assertEquals(Map.of(A4, OptionalInt.of(40), B3, OptionalInt.of(1_000_000)), windows);
    }

    @Test
    void aWindowTheProviderDoesNotKnowIsTheScriptsCapOrNone() throws Exception {
        // A hosted model without a configured window reports none; nothing is sent, so no server is needed.
        ConversationScript script = script("""
                models:
                  plain: openai/some-model
                  capped: {model: openai/some-model, context-window: 50}
                  wider: {model: openai/some-model, context-window: 70}
                  other: openai/other-model
                  other-capped: {model: openai/third-model, context-window: 30}
                  third: openai/third-model
                turns: [{user: one}]
                """);
        ProviderContext context = new ProviderContext(Map.of("OPENAI_API_KEY", "sk-test"), YardstickConfig.EMPTY);
        try (OpenedModels models = ProviderRegistry.create(context, List.of(), LeanHttpClient::builder)
                .open(script.specs())) {
            assertTrue(models.byLabel().get("openai/other-model").contextWindow().isEmpty());
            Map<String, OptionalInt> windows = ModelWindows.of(script, models.byLabel());
            assertEquals(Map.of("openai/some-model", OptionalInt.of(50), "openai/other-model", OptionalInt.empty(),
                    "openai/third-model", OptionalInt.of(30)), windows);
        }
    }
}
