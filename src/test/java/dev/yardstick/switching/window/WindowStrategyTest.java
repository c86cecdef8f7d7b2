package dev.yardstick.switching.window;

import static dev.yardstick.switching.window.Conversations.LABEL;
import static dev.yardstick.switching.window.Conversations.METER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import dev.yardstick.switching.integrity.IntegrityCheck;
import dev.yardstick.switching.window.Fitted.Condensed;
import dev.yardstick.switching.window.Fitted.Kept;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Each strategy fits an overflowing history and declares exactly what it left out. Pure logic, no model. */
class WindowStrategyTest {

    // 4 exchanges: 3 + 8 + 4 × 26 + 8 = 123 tokens; a window of 100 with 20 reserved leaves 80.
    private static final ConversationState STATE = Conversations.of(4);
    private static final OptionalInt WINDOW = OptionalInt.of(100);
    private static final int RESERVED = 20;

    private static Fitted fit(WindowStrategy strategy, Summarizer summarizer) {
        return WindowFitter.fit(STATE, LABEL, METER, WINDOW, RESERVED, strategy, summarizer);
    }

    private static Fitted fit(WindowStrategy strategy) {
        return fit(strategy, Summarizer.NONE);
    }

    /** The fitted history fits, keeps the system prompt first and the new message last, and accounts for all. */
    private static void assertSound(Fitted fitted) {
        assertEquals(123, fitted.tokensBefore());
        assertEquals(80, fitted.available());
        assertTrue(fitted.tokensAfter() <= 80, "fits: " + fitted.tokensAfter());
        assertEquals(METER.request(fitted.messages()), fitted.tokensAfter(), "tokens after = what is sent");
        assertEquals(Message.system("You are a helpful agent"), fitted.messages().get(0));
        assertEquals(STATE.last().message(), fitted.messages().get(fitted.messages().size() - 1));
        List<Integer> kept = new ArrayList<>();
        for (Fitted.Part part : fitted.parts()) {
            if (part instanceof Kept k) {
                kept.add(k.entry().id());
            }
        }
        assertEquals(kept.stream().sorted().toList(), kept, "kept messages stay in order");
        for (ConversationState.Entry e : STATE.entries()) {
            assertTrue(kept.contains(e.id()) ^ fitted.declaredAway(e.id()), e.describe() + " accounted once");
        }
        assertTrue(IntegrityCheck.check(STATE, fitted, fitted.messages()).intact());
    }

    private static List<Integer> turnsKept(Fitted fitted) {
        return fitted.parts().stream().filter(p -> p instanceof Kept).map(p -> ((Kept) p).entry())
                .filter(e -> e.role() == Role.ASSISTANT).map(ConversationState.Entry::turn).toList();
    }

    @Test
    void historyThatFitsIsSentWhole() {
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(200), RESERVED, new FailOnOverflow(),
                Summarizer.NONE);
        assertEquals(STATE.messages(), fitted.messages());
        assertEquals(1.0, fitted.ratio());
        assertTrue(!fitted.changed());
    }

    @Test
    void historyThatFitsExactlyIsSentWholeEvenUnderTheStrictGate() {
        // 123 tokens in a window of 143 with 20 reserved: not one token over, so nothing is fitted and nothing fails.
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(143), RESERVED, new FailOnOverflow(),
                Summarizer.NONE);
        assertEquals(STATE.messages(), fitted.messages());
        assertEquals(123, fitted.tokensAfter());
        assertTrue(!fitted.changed());
    }

    @Test
    void dropOldestStopsAsSoonAsTheRestFitsExactly() {
        // 97 available: dropping turn 1 (26 tokens) leaves exactly 97, so turn 2 stays.
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(117), RESERVED, new DropOldest(),
                Summarizer.NONE);
        assertEquals(List.of(2, 3, 4), turnsKept(fitted));
        assertEquals(List.of(1, 2), fitted.dropped());
        assertEquals(97, fitted.tokensAfter());
        assertEquals("dropped 1 earlier turn (turn 1)", fitted.note());
    }

    @Test
    void middleOutDropsTheOlderOfTwoEquallyCentralTurnsFirst() {
        // Of 4 turns, 2 and 3 are equally near the middle; one drop is enough, and it is turn 2.
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(117), RESERVED, new MiddleOut(),
                Summarizer.NONE);
        assertEquals(List.of(1, 3, 4), turnsKept(fitted));
        assertEquals(List.of(3, 4), fitted.dropped(), "ids of turn 2's user message and answer");
        assertEquals(97, fitted.tokensAfter());
    }

    @Test
    void aSystemPromptAndNewMessageThatFillTheWindowExactlyAreSentAlone() {
        // 3 + 8 + 8 = 19 tokens, exactly what a window of 39 with 20 reserved leaves: every earlier turn goes.
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(39), RESERVED, new DropOldest(),
                Summarizer.NONE);
        assertEquals(List.of(), turnsKept(fitted));
        assertEquals(19, fitted.tokensAfter());
        assertEquals(8, fitted.dropped().size());
    }

    @Test
    void keepLastNAcceptsTurnsThatFitExactly() {
        // keep-last 2: 3 + 8 + 2 × 26 + 8 = 71 tokens, exactly the 71 a window of 91 with 20 reserved leaves.
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(91), RESERVED, new KeepLastTurns(2),
                Summarizer.NONE);
        assertEquals(List.of(3, 4), turnsKept(fitted));
        assertEquals(71, fitted.tokensAfter());
        assertEquals("kept the last 2, dropped 2 (turns 1–2)", fitted.note());
    }

    @Test
    void unknownWindowSendsWholeAndSaysSo() {
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.empty(), RESERVED, new DropOldest(),
                Summarizer.NONE);
        assertEquals(STATE.messages(), fitted.messages());
        assertEquals(-1, fitted.available());
        assertTrue(fitted.note().contains("window unknown"));
    }

    @Test
    void failStrategyRefusesAnOverflowWithTheNumbers() {
        WindowOverflow e = assertThrows(WindowOverflow.class, () -> fit(new FailOnOverflow()));
        assertTrue(e.getMessage().contains("needs 123 tokens") && e.getMessage().contains("leaves 80"),
                e.getMessage());
    }

    @Test
    void dropOldestDropsTheOldestTurnsWholeUntilItFits() {
        Fitted fitted = fit(new DropOldest());
        assertSound(fitted);
        assertEquals(List.of(3, 4), turnsKept(fitted));
        assertEquals(List.of(1, 2, 3, 4), fitted.dropped(), "ids of turns 1 and 2, user and answer together");
        assertEquals(71, fitted.tokensAfter());
        assertEquals(71 / 123.0, fitted.ratio(), 1e-9);
    }

    @Test
    void middleOutKeepsTheOpeningAndTheLatestTurn() {
        Fitted fitted = fit(new MiddleOut());
        assertSound(fitted);
        assertEquals(List.of(1, 4), turnsKept(fitted));
        assertTrue(fitted.note().contains("turns 2–3"), fitted.note());
    }

    @Test
    void keepLastNKeepsExactlyNTurns() {
        Fitted fitted = fit(new KeepLastTurns(1));
        assertSound(fitted);
        assertEquals(List.of(4), turnsKept(fitted));
        assertEquals(45, fitted.tokensAfter());
    }

    @Test
    void keepLastNFailsRatherThanDropMoreThanAllowed() {
        WindowOverflow e = assertThrows(WindowOverflow.class, () -> fit(new KeepLastTurns(3)));
        assertTrue(e.getMessage().contains("the last 3 turns") && e.getMessage().contains("need 97"), e.getMessage());
    }

    @Test
    void summarizeCondensesOlderTurnsAndCutsALongSummaryToFit() {
        List<List<Message>> asked = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        Summarizer summarizer = (older, maxTokens) -> {
            asked.add(older);
            limits.add(maxTokens);
            return Conversations.words("summary", 40);
        };
        Fitted fitted = fit(new Summarize("small", 48), summarizer);
        assertSound(fitted);
        assertEquals(List.of(4), turnsKept(fitted), "the latest turn stays whole beside the summary");
        assertEquals(6, asked.get(0).size(), "turns 1–3 condensed");
        assertEquals(27, limits.get(0), "the summary's room: 80 − 45 kept − 3 framing − 5 for its prefix");
        Condensed summary = (Condensed) fitted.parts().get(1);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), summary.replaces());
        assertEquals(summary.replaces(), fitted.condensed());
        assertTrue(summary.message().content().startsWith(Summarize.PREFIX + "summary w2"));
        assertEquals(Role.SYSTEM, summary.message().role());
        assertTrue(fitted.note().contains("cut to fit"), fitted.note());
        assertEquals(80, fitted.tokensAfter(), "a cut summary fills its room exactly");
    }

    @Test
    void summarizeWithNoRoomForASummaryDropsAndSaysSo() {
        // 4 turns with 30 reserved leave 70: one turn kept leaves no room for 8 tokens of summary, so none is.
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(100), 70, new Summarize("small", 48),
                (older, max) -> "never asked");
        assertEquals(List.of(), turnsKept(fitted));
        assertTrue(fitted.note().startsWith("no room for a summary"), fitted.note());
        assertEquals(8, fitted.dropped().size());
    }

    @Test
    void aUserMessageThatCannotFitIsAnErrorNeverACut() {
        ConversationState huge = ConversationState.start("sys").append(Role.USER, Conversations.words("long", 200), 1,
                "script").countedFor(LABEL, METER);
        for (WindowStrategy strategy : List.of(new DropOldest(), new MiddleOut(), new KeepLastTurns(0),
                new Summarize("s", 48), new FailOnOverflow())) {
            WindowOverflow e = assertThrows(WindowOverflow.class, () -> WindowFitter.fit(huge, LABEL, METER, WINDOW,
                    RESERVED, strategy, Summarizer.NONE), strategy.name());
            assertTrue(e.getMessage().contains("no strategy may cut the user's message")
                    && e.getMessage().contains("need 210 tokens (words)"), e.getMessage());
        }
    }

    @Test
    void aReserveAsLargeAsTheWindowLeavesNoRoom() {
        WindowOverflow e = assertThrows(WindowOverflow.class, () -> WindowFitter.fit(STATE, LABEL, METER,
                OptionalInt.of(64), 64, new DropOldest(), Summarizer.NONE));
        assertTrue(e.getMessage().contains("lower max-tokens"), e.getMessage());
    }

    @Test
    void strategiesAreNamedAndCheckedLikeScriptsWriteThem() {
        assertEquals(new KeepLastTurns(2), WindowStrategy.of("keep-last-n", 2, null, null));
        assertEquals(new Summarize("small", 48), WindowStrategy.of("summarize", null, "small", null));
        assertEquals(new DropOldest(), WindowStrategy.of(null, null, null, null));
        assertThrows(InputException.class, () -> WindowStrategy.of("keep-last-n", null, null, null));
        assertThrows(InputException.class, () -> WindowStrategy.of("summarize", null, null, null));
        InputException e = assertThrows(InputException.class, () -> WindowStrategy.of("truncate", null, null, null));
        assertTrue(e.getMessage().contains("expected fail, drop-oldest"), e.getMessage());
    }

    @Test
    void strategiesAreNamedAndDescribedAsReportsShowThem() {
        assertEquals("fail (an overflow fails the turn)", new FailOnOverflow().describe());
        assertEquals("drop-oldest (system prompt kept)", new DropOldest().describe());
        assertEquals("middle-out (first and latest turns kept longest)", new MiddleOut().describe());
        assertEquals("keep-last-n (1 earlier turn)", new KeepLastTurns(1).describe());
        assertEquals("keep-last-n (2 earlier turns)", new KeepLastTurns(2).describe());
        assertEquals("summarize (older turns condensed by small, at most 48 tokens)",
                new Summarize("small", 48).describe());
        assertEquals("drop-oldest", fit(new DropOldest()).strategy());
        assertEquals("middle-out", fit(new MiddleOut()).strategy());
        assertEquals("keep-last-n", fit(new KeepLastTurns(1)).strategy());
        assertEquals("summarize", fit(new Summarize("small", 48), (older, max) -> "short").strategy());
        assertEquals("fail", WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(200), RESERVED, new FailOnOverflow(),
                Summarizer.NONE).strategy());
        assertEquals(new KeepLastTurns(0), WindowStrategy.of("keep-last", 0, null, null));
        assertThrows(InputException.class, () -> WindowStrategy.of("keep-last-n", -1, null, null));
        assertEquals(new MiddleOut(), WindowStrategy.of(" Middle-Out ", null, null, null));
        assertEquals(new Summarize("small", 12), WindowStrategy.of("summarize", null, "small", 12));
        assertEquals(new FailOnOverflow(), WindowStrategy.of("fail", null, null, null));
    }

    @Test
    void aSummaryThatFillsItsRoomExactlyIsKeptWholeAndNoTurnStays() {
        // 35 available: keeping even one turn (45) leaves no room; alone, system and new message take 19 and the
        // summary message 35 − 19 − 3 = 13, exactly 8 words past its 5-word prefix: the least a summary may have.
        List<Integer> limits = new ArrayList<>();
        Fitted fitted = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(55), RESERVED, new Summarize("small", 48),
                (older, maxTokens) -> {
                    limits.add(maxTokens);
                    return Conversations.words("summary", 8);
                });
        assertEquals(List.of(8), limits);
        assertEquals("condensed turns 1–4 into a summary by small", fitted.note(), "not cut");
        assertEquals(35, fitted.tokensAfter());
        assertEquals(List.of(), turnsKept(fitted));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), fitted.condensed());
        assertEquals(Summarize.PREFIX + Conversations.words("summary", 8), fitted.messages().get(1).content());

        Fitted none = WindowFitter.fit(STATE, LABEL, METER, OptionalInt.of(54), RESERVED, new Summarize("small", 48),
                (older, maxTokens) -> "never asked");
        assertEquals("no room for a summary: dropped (turns 1–4)", none.note(), "7 words of room are too few");
    }

    @Test
    void aSummaryIsCutToItsRoomNeverInsideACharacter() {
        int prefix = Summarize.PREFIX.length();
        assertEquals("abc", Summarize.cutToFit("abc", prefix + 3, Conversations.CHARS), "fits: kept whole");
        assertEquals("ab", Summarize.cutToFit("ab\uD83D\uDE00c", prefix + 3, Conversations.CHARS),
                "the emoji's two halves stay together");
        assertEquals("ab\uD83D\uDE00", Summarize.cutToFit("ab\uD83D\uDE00c", prefix + 4, Conversations.CHARS));
        assertEquals("", Summarize.cutToFit("abc", prefix, Conversations.CHARS), "no room past the prefix");
        assertEquals("one two", Summarize.cutToFit("one two  three four", 7, METER), "whole words, stripped");
    }

    @Test
    void countsCachedInTheStateAreUsedAndMissingOnesCounted() {
        ConversationState state = ConversationState.start("abc").append(Role.USER, "hello world", 1, "script");
        // Counted in characters: 3 + (3 + 3) + (11 + 3); in words it would be 3 + (1 + 3) + (2 + 3).
        Fitted cached = WindowFitter.fit(state.countedFor(LABEL, Conversations.CHARS), LABEL, METER,
                OptionalInt.empty(), 0, new DropOldest(), Summarizer.NONE);
        assertEquals(23, cached.tokensBefore());
        Fitted uncounted = WindowFitter.fit(state, LABEL, METER, OptionalInt.empty(), 0, new DropOldest(),
                Summarizer.NONE);
        assertEquals(12, uncounted.tokensBefore());
    }

    @Test
    void aReserveThatLeavesOnlyTheRequestFramingLeavesNoRoom() {
        WindowOverflow e = assertThrows(WindowOverflow.class, () -> WindowFitter.fit(STATE, LABEL, METER,
                OptionalInt.of(23), RESERVED, new DropOldest(), Summarizer.NONE));
        assertEquals(LABEL + "'s window of 23 tokens leaves no room after 20 reserved for the answer: lower "
                + "max-tokens", e.getMessage());
    }

    @Test
    void aDroppingStrategyThatCannotReachTheRoomDropsEveryTurnAndSaysSo() {
        // Asked directly with less room than the system prompt and new message need (the fitter refuses earlier).
        Fitting tooSmall = Fitting.of(STATE, LABEL, METER, 10, Summarizer.NONE);
        for (WindowStrategy strategy : List.of(new DropOldest(), new MiddleOut())) {
            Fitted fitted = strategy.fit(tooSmall);
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), fitted.dropped().stream().sorted().toList(), strategy.name());
            assertEquals(19, fitted.tokensAfter());
            assertEquals("dropped 4 earlier turns (turns 1–4)", fitted.note());
        }
    }
}
