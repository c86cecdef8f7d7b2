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
}
