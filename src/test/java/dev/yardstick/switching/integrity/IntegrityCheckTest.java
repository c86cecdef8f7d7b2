package dev.yardstick.switching.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.engine.chain.FaultInjector;
import dev.yardstick.engine.chain.Messages;
import dev.yardstick.switching.window.ConversationState;
import dev.yardstick.switching.window.Conversations;
import dev.yardstick.switching.window.DropOldest;
import dev.yardstick.switching.window.Fitted;
import dev.yardstick.switching.window.Summarize;
import dev.yardstick.switching.window.Summarizer;
import dev.yardstick.switching.window.WindowFitter;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/** What a provider received, held against the state: each kind of damage is found and named. */
class IntegrityCheckTest {

    private static final ConversationState STATE = Conversations.of(2);
    private static final Fitted WHOLE = WindowFitter.fit(STATE, Conversations.LABEL, Conversations.METER,
            OptionalInt.empty(), 0, new DropOldest(), Summarizer.NONE);

    private static IntegrityCheck.Result check(List<Message> received) {
        return IntegrityCheck.check(STATE, WHOLE, received);
    }

    private static List<Message> sent() {
        return new ArrayList<>(STATE.messages());
    }

    @Test
    void anExactCopyIsIntact() {
        IntegrityCheck.Result result = check(sent());
        assertTrue(result.intact());
        assertEquals(List.of(), result.findings());
        assertTrue(result.summary().startsWith("6 messages in order"), result.summary());
    }

    @Test
    void oneChangedByteIsFoundWithItsOffset() {
        List<Message> received = sent();
        String text = received.get(3).content();
        received.set(3, Message.user(text.substring(0, 7) + "X" + text.substring(8)));
        IntegrityCheck.Result result = check(received);
        assertFalse(result.intact());
        assertEquals(1, result.findings().size(), result.findings().toString());
        assertTrue(result.findings().get(0).contains("#3 (user, turn 2) arrived changed: first difference at byte 7"),
                result.findings().get(0));
    }

    @Test
    void aLostMessageIsMissingUnlessDeclared() {
        List<Message> received = sent();
        received.remove(1);
        IntegrityCheck.Result result = check(received);
        assertFalse(result.intact());
        assertTrue(result.findings().get(0).contains("#1 (user, turn 1) is missing"), result.findings().toString());

        Fitted declared = new Fitted("drop-oldest", WHOLE.parts().subList(0, 1).stream().toList(), List.of(1, 2, 3, 4),
                List.of(), 0, 0, 10, "");
        List<Fitted.Part> parts = new ArrayList<>(declared.parts());
        parts.add(WHOLE.parts().get(5));
        Fitted dropped = new Fitted("drop-oldest", parts, List.of(1, 2, 3, 4), List.of(), 0, 0, 10, "");
        assertTrue(IntegrityCheck.check(STATE, dropped, dropped.messages()).intact(),
                "dropping what the strategy declared is no breach");
    }

    @Test
    void aDroppedSystemPromptIsMissing() {
        List<Message> received = sent();
        received.remove(0);
        IntegrityCheck.Result result = check(received);
        assertFalse(result.intact());
        assertTrue(result.findings().get(0).contains("#0 (system) is missing"), result.findings().toString());
    }

    @Test
    void swappedMessagesAreOutOfOrder() {
        List<Message> received = sent();
        Collections.swap(received, 1, 2);
        IntegrityCheck.Result result = check(received);
        assertFalse(result.intact());
        assertTrue(result.findings().get(0).contains("arrived out of order"), result.findings().toString());
    }

    @Test
    void aChangedRoleIsNamed() {
        List<Message> received = sent();
        received.set(2, new Message(Role.USER, received.get(2).content()));
        IntegrityCheck.Result result = check(received);
        assertFalse(result.intact());
        assertTrue(result.findings().get(0).contains("#2 (assistant, turn 1) arrived with role user instead of "
                + "assistant"), result.findings().toString());
    }

    @Test
    void anExtraMessageIsUnexpected() {
        List<Message> received = sent();
        received.add(2, Message.user("injected by a proxy"));
        IntegrityCheck.Result result = check(received);
        assertFalse(result.intact());
        assertTrue(result.findings().get(0).contains("\"injected by a proxy\" is not in the conversation"),
                result.findings().toString());
    }

    @Test
    void aStrategyThatLeavesOutWithoutDeclaringIsCaught() {
        List<Fitted.Part> parts = new ArrayList<>(WHOLE.parts());
        parts.remove(1);
        parts.remove(1);
        Fitted silent = new Fitted("buggy", parts, List.of(), List.of(), 0, 0, 10, "");
        IntegrityCheck.Result result = IntegrityCheck.check(STATE, silent, silent.messages());
        assertFalse(result.intact());
        assertTrue(result.findings().get(0).contains("left out without being declared by buggy"),
                result.findings().toString());
    }

    @Test
    void everyHistoryFaultTheInjectorMakesIsCaught() {
        ChatRequest request = dev.yardstick.engine.RequestExecutorAccess.toChatRequest(new PlannedRequest(0, "m", "p",
                0, STATE.messages(), null, false));
        for (Fault.Kind kind : List.of(Fault.Kind.DROP_SYSTEM, Fault.Kind.DROP_MESSAGE, Fault.Kind.CORRUPT,
                Fault.Kind.REORDER)) {
            List<Message> received = Messages.of(FaultInjector.tamper(request, kind).messages());
            assertFalse(check(received).intact(), kind + " must be caught");
        }
    }

    @Test
    void eachFindingNamesTheMessageAndWhereItArrived() {
        List<Message> swapped = sent();
        Collections.swap(swapped, 1, 2);
        IntegrityCheck.Result result = check(swapped);
        assertEquals(List.of("message #2 (assistant, turn 1) arrived out of order (position 2, after a message that "
                + "follows it)"), result.findings());
        assertEquals("1 difference: " + result.findings().get(0), result.summary());

        List<Message> extra = sent();
        extra.add(2, Message.user("injected by a proxy"));
        assertEquals(List.of("message 3 (user) \"injected by a proxy\" is not in the conversation"),
                check(extra).findings());

        List<Message> both = sent();
        both.remove(5);
        both.add(Message.user("something else entirely"));
        both.add(Message.assistant("and one more"));
        IntegrityCheck.Result two = check(both);
        assertEquals(2, two.findings().size(), two.findings().toString());
        assertTrue(two.summary().startsWith("2 differences: message #5 (user, turn 3) arrived changed"),
                two.summary());
    }

    @Test
    void theFirstReceivedMessageCanBeTheOneOutOfOrderRecastOrChanged() {
        List<Message> swapped = sent();
        Collections.swap(swapped, 0, 1);
        assertEquals(List.of("message #1 (user, turn 1) arrived out of order (position 1, after a message that "
                + "follows it)"), check(swapped).findings());

        List<Message> recast = sent();
        recast.set(0, Message.user(recast.get(0).content()));
        assertEquals(List.of("message #0 (system) arrived with role user instead of system"),
                check(recast).findings());

        List<Message> changed = sent();
        changed.set(0, Message.system("You are a helpful agenX"));
        assertEquals(List.of("message #0 (system) arrived changed: first difference at byte 22 of 23 (expected "
                + "\"ful agent\", got \"ful agenX\")"), check(changed).findings());
    }

    @Test
    void aLostLastMessageIsMissingEvenWhenEveryOtherArrived() {
        List<Message> received = sent();
        received.remove(5);
        assertEquals(List.of("message #5 (user, turn 3) is missing: not sent, and not declared dropped or condensed "
                + "by drop-oldest"), check(received).findings());

        // Without a system prompt the first message is a user's: a lost last one is still missing, not "changed".
        ConversationState bare = ConversationState.start(null).append(Role.USER, "first", 1, "script")
                .append(Role.ASSISTANT, "answer", 1, "mock/a").append(Role.USER, "second", 2, "script");
        Fitted whole = WindowFitter.fit(bare.countedFor(Conversations.LABEL, Conversations.METER), Conversations.LABEL,
                Conversations.METER, OptionalInt.empty(), 0, new DropOldest(), Summarizer.NONE);
        assertEquals(List.of("message #2 (user, turn 2) is missing: not sent, and not declared dropped or condensed "
                + "by drop-oldest"), IntegrityCheck.check(bare, whole, bare.messages().subList(0, 2)).findings());
    }

    @Test
    void aLostSummaryIsNamedForWhatItStoodFor() {
        List<Fitted.Part> parts = new ArrayList<>();
        parts.add(WHOLE.parts().get(0));
        parts.add(new Fitted.Condensed(Message.system(Summarize.PREFIX + "they talked"), List.of(1, 2, 3, 4)));
        parts.add(WHOLE.parts().get(5));
        Fitted condensed = new Fitted("summarize", parts, List.of(), List.of(1, 2, 3, 4), 0, 0, 10, "");
        IntegrityCheck.Result intact = IntegrityCheck.check(STATE, condensed, condensed.messages());
        assertEquals("3 messages in order, roles and bytes intact; 4 condensed by summarize (declared)",
                intact.summary());
        List<Message> received = List.of(condensed.messages().get(0), condensed.messages().get(2));
        assertEquals(List.of("the summary of 4 earlier messages is missing: not sent, and not declared dropped or "
                + "condensed by summarize"), IntegrityCheck.check(STATE, condensed, received).findings());
    }

    @Test
    void theSummaryCountsWhatWasDeclaredAway() {
        List<Fitted.Part> parts = List.of(WHOLE.parts().get(0), WHOLE.parts().get(5));
        Fitted dropped = new Fitted("drop-oldest", parts, List.of(1, 2, 3, 4), List.of(), 0, 0, 10, "");
        assertEquals("2 messages in order, roles and bytes intact; 4 dropped by drop-oldest (declared)",
                IntegrityCheck.check(STATE, dropped, dropped.messages()).summary());
        List<Fitted.Part> mixed = List.of(WHOLE.parts().get(0),
                new Fitted.Condensed(Message.system(Summarize.PREFIX + "hi"), List.of(1, 2)), WHOLE.parts().get(5));
        Fitted both = new Fitted("summarize", mixed, List.of(3, 4), List.of(1, 2), 0, 0, 10, "");
        assertEquals("3 messages in order, roles and bytes intact; 2 dropped, 2 condensed by summarize (declared)",
                IntegrityCheck.check(STATE, both, both.messages()).summary());
        assertEquals("6 messages in order, roles and bytes intact", check(sent()).summary());
    }

    @Test
    void aDifferenceIsPlacedInBytesWithEightEitherSide() {
        assertEquals("first difference at byte 3 of 3 (expected \"abc\", got \"abcd\")",
                IntegrityCheck.difference("abc", "abcd"));
        assertEquals("first difference at byte 3 of 4 (expected \"abcd\", got \"abc\")",
                IntegrityCheck.difference("abcd", "abc"));
        assertEquals("first difference at byte 20 of 30 (expected \"mnopqrstUvwxyz01\", got "
                        + "\"mnopqrst_vwxyz01\")",
                IntegrityCheck.difference("abcdefghijklmnopqrstUvwxyz0123", "abcdefghijklmnopqrst_vwxyz0123"));
        assertEquals("first difference at byte 1 of 3 (expected \"a\\nc\", got \"abc\")",
                IntegrityCheck.difference("a\nc", "abc"));
    }
}
