package dev.yardstick.engine.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.yardstick.config.InputException;
import dev.yardstick.config.Message;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which fault meets which request, and what each history fault does to the messages on their way. */
class FaultInjectionTest {

    private static ChatRequest request(ChatMessage... messages) {
        return ChatRequest.builder().messages(List.of(messages)).build();
    }

    private static List<Message> tampered(Fault.Kind kind, ChatMessage... messages) {
        return Messages.of(FaultInjector.tamper(request(messages), kind).messages());
    }

    @Test
    void aLimitedFaultFailsExactlyItsFirstTriesAtEachOfItsSteps() {
        FaultSchedule schedule = new FaultSchedule(List.of(Fault.parse("mock/a:500@2-3x2")));
        assertNull(new FaultSchedule(List.of()).next("mock/a", 2), "no faults: nothing is met");
        assertNull(schedule.next("mock/a", 1), "not at step 1");
        Fault first = schedule.next("mock/a", 2);
        assertEquals(500, first.status());
        assertSame(first, schedule.next("mock/a", 2));
        assertNull(schedule.next("mock/a", 2), "x2: the third try goes through");
        assertNull(schedule.next("mock/b", 2), "another model");
        assertSame(first, schedule.next("mock/a", 3), "each step counts its own tries");
        assertSame(first, schedule.next("mock/a", 3));
        assertNull(schedule.next("mock/a", 3));
        assertNull(schedule.next("mock/a", 4), "past the range");
    }

    @Test
    void requestsAreNumberedPerModelFromOne() {
        FaultSchedule schedule = new FaultSchedule(List.of());
        assertEquals(1, schedule.arrive("mock/a"));
        assertEquals(2, schedule.arrive("mock/a"));
        assertEquals(1, schedule.arrive("mock/b"), "each model counts its own requests");
        assertEquals(3, schedule.arrive("mock/a"));
    }

    @Test
    void faultsAtTheEdgesOfTheirSyntax() {
        assertEquals(1, Fault.parse("a:500@1x1").times());
        Fault single = Fault.parse("a:500@3-3");
        assertTrue(single.appliesAt(3) && !single.appliesAt(2) && !single.appliesAt(4));
        assertEquals("a", Fault.parse("a:timeout@1").model());
        for (String bad : new String[] {":500@2", "@2", "a:500@", "a:500@2x0", "a:500@2-1"}) {
            InputException e = assertThrows(InputException.class, () -> Fault.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("fault '" + bad + "': "), e.getMessage());
        }
        assertEquals(EnumSet.of(Fault.Kind.DROP_SYSTEM, Fault.Kind.DROP_MESSAGE, Fault.Kind.CORRUPT,
                Fault.Kind.REORDER), EnumSet.copyOf(List.of(Fault.Kind.values()).stream()
                .filter(Fault.Kind::tampersHistory).toList()));
    }

    @Test
    void historyFaultsNeverTouchTheNewQuestionWhenThereIsNoHistory() {
        ChatMessage[] alone = {SystemMessage.from("sys"), UserMessage.from("question")};
        assertEquals(List.of(Message.system("sys"), Message.user("question")), tampered(Fault.Kind.DROP_MESSAGE,
                alone));
        assertEquals(List.of(Message.system("sys"), Message.user("question")), tampered(Fault.Kind.REORDER, alone));
        assertEquals(List.of(Message.user("question")), tampered(Fault.Kind.DROP_SYSTEM, alone));
        assertEquals(List.of(Message.system("sys"), Message.user("quesxion")), tampered(Fault.Kind.CORRUPT, alone),
                "with no history the question itself is corrupted");
    }

    @Test
    void historyFaultsHitTheOldestHistoryMessage() {
        ChatMessage[] history = {SystemMessage.from("sys"), AiMessage.from("abxcd"), UserMessage.from("next"),
            UserMessage.from("question")};
        assertEquals(List.of(Message.system("sys"), Message.assistant("abycd"), Message.user("next"),
                Message.user("question")), tampered(Fault.Kind.CORRUPT, history), "an x becomes a y, role kept");
        assertEquals(List.of(Message.system("sys"), Message.user("next"), Message.assistant("abxcd"),
                Message.user("question")), tampered(Fault.Kind.REORDER, history));
        assertEquals(List.of(Message.system("sys"), Message.user("next"), Message.user("question")),
                tampered(Fault.Kind.DROP_MESSAGE, history));
        assertEquals(List.of(Message.assistant("?"), Message.user("q")), tampered(Fault.Kind.CORRUPT,
                AiMessage.from(""), UserMessage.from("q")), "an empty message gets a character");
        assertThrows(IllegalArgumentException.class, () -> FaultInjector.tamper(request(history), Fault.Kind.HTTP));
    }

    @Test
    void messagesReadBackKeepTheirTextAndRole() {
        UserMessage parts = UserMessage.from(TextContent.from("first"), TextContent.from("second"));
        assertEquals(Message.user("first\nsecond"), Messages.of(parts));
        assertEquals(Message.assistant(""), Messages.of(AiMessage.from(List.of(
                dev.langchain4j.agent.tool.ToolExecutionRequest.builder().name("t").arguments("{}").build()))));
        assertEquals(List.of(Message.system("s"), Message.user("u")), Messages.of(List.of(SystemMessage.from("s"),
                UserMessage.from("u"))));
    }
}
