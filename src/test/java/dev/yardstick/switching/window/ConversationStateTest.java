package dev.yardstick.switching.window;

import static dev.yardstick.switching.window.Conversations.CHARS;
import static dev.yardstick.switching.window.Conversations.LABEL;
import static dev.yardstick.switching.window.Conversations.METER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversation state, its token counts per model and the meter that counts them. */
class ConversationStateTest {

    @Test
    void aStateStartsWithItsSystemPromptOrWithNothing() {
        assertEquals(List.of(), ConversationState.start(null).entries());
        assertEquals(List.of(), ConversationState.start("").entries());
        ConversationState state = ConversationState.start("Be brief.").append(Role.USER, "hi", 1, "script");
        assertEquals("#0 (system)", state.entries().get(0).describe());
        assertEquals("#1 (user, turn 1)", state.last().describe());
        assertEquals(List.of(Message.system("Be brief."), Message.user("hi")), state.messages());
    }

    @Test
    void countsAreKeptPerModelAndOnlyMissingOnesAreCounted() {
        ConversationState state = ConversationState.start("one two three").append(Role.USER, "four five", 1, "script");
        ConversationState counted = state.countedFor(LABEL, CHARS);
        assertEquals(13 + 9, counted.contentTokens(LABEL));
        assertSame(counted, counted.countedFor(LABEL, METER), "nothing left to count: the same state");
        assertEquals(-1, state.contentTokens(LABEL), "not counted for that model");

        // A new message is counted with the meter given now; the earlier ones keep their cached counts.
        ConversationState grown = counted.append(Role.ASSISTANT, "six seven eight", 1, "mock/a").countedFor(LABEL,
                METER);
        assertEquals(13 + 9 + 3, grown.contentTokens(LABEL));
        assertEquals(-1, grown.contentTokens("other/model"));
        ConversationState both = grown.countedFor("other/model", METER);
        assertEquals(3 + 2 + 3, both.contentTokens("other/model"));
        assertEquals(25, both.contentTokens(LABEL), "another model's counts leave this one's alone");
    }

    @Test
    void theMeterAddsTheChatFramingToTheContent() {
        assertEquals("words", METER.tokenizer());
        assertEquals(2, METER.content("two words"));
        assertEquals(2 + TokenMeter.PER_MESSAGE, METER.message(Message.user("two words")));
        assertEquals(TokenMeter.PER_REQUEST + (2 + 3) + (1 + 3), METER.request(List.of(Message.user("two words"),
                Message.assistant("one"))));
    }
}
