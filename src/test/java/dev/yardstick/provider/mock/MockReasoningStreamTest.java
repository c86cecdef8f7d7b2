package dev.yardstick.provider.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.yardstick.config.InputException;
import dev.yardstick.provider.ProviderUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock's reasoning stream: reasoning first through onPartialThinking, then the answer, and OpenAI-style usage. */
class MockReasoningStreamTest {

    /** One streamed piece: which channel, its text, when it arrived. */
    private record Piece(boolean thinking, String text, long at) {
    }

    /** Collects the stream as it arrives. */
    private static final class Collector implements StreamingChatResponseHandler {
        final List<Piece> pieces = new ArrayList<>();
        ChatResponse response;
        Throwable error;

        @Override
        public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
            pieces.add(new Piece(true, partial.text(), System.nanoTime()));
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            pieces.add(new Piece(false, partial.text(), System.nanoTime()));
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            response = completeResponse;
        }

        @Override
        public void onError(Throwable e) {
            error = e;
        }

        List<Piece> channel(boolean thinking) {
            return pieces.stream().filter(p -> p.thinking() == thinking).toList();
        }

        String text(boolean thinking) {
            return String.join("", channel(thinking).stream().map(Piece::text).toList());
        }
    }

    private static Collector run(String model, Integer maxTokens) {
        Collector collector = new Collector();
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Think, then answer"))
                .maxOutputTokens(maxTokens).build();
        new MockStreamingChatModel(MockProfile.parse(model)).chat(request, collector);
        assertNull(collector.error);
        return collector;
    }

    @Test
    void reasoningStreamsFirstForItsThinkingTimeThenTheAnswer() {
        Collector c = run("reasoner?reasoning=10&thinking=100ms&tokens=5&jitter=0", null);
        assertEquals(15, c.pieces.size());
        for (int i = 0; i < c.pieces.size(); i++) {
            assertEquals(i < 10, c.pieces.get(i).thinking(), "every reasoning token before any visible one: " + i);
        }
        long thinkingNanos = c.channel(false).getFirst().at() - c.channel(true).getFirst().at();
        assertTrue(thinkingNanos >= Duration.ofMillis(100).toNanos(),
                "the first visible token comes no earlier than the thinking time: " + thinkingNanos / 1e6 + " ms");
        assertTrue(thinkingNanos < Duration.ofMillis(1_000).toNanos(), thinkingNanos / 1e6 + " ms");
        assertEquals(c.text(false), c.response.aiMessage().text(), "the answer holds the visible text only");
        assertEquals(c.text(true), c.response.aiMessage().thinking());
        assertEquals(FinishReason.STOP, c.response.finishReason());
    }

    @Test
    void usageReportsReasoningTokensAsAnOpenAiCompatibleServerDoes() {
        Collector c = run("reasoner?reasoning=12&thinking=10ms&tokens=7", null);
        OpenAiTokenUsage usage = assertInstanceOf(OpenAiTokenUsage.class, c.response.tokenUsage());
        assertEquals(19, usage.outputTokenCount(), "output tokens include the reasoning ones");
        assertEquals(12, ProviderUsage.reasoning(usage));
        assertEquals(19, ProviderUsage.totalOutput(usage));
        assertEquals(usage.inputTokenCount() + 19, usage.totalTokenCount());
    }

    @Test
    void aMaximumCoversTheReasoningFirst() {
        Collector c = run("reasoner?reasoning=10&thinking=10ms&tokens=8", 13);
        assertEquals(10, c.channel(true).size());
        assertEquals(3, c.channel(false).size(), "the answer gets what the reasoning left of the 13");
        assertEquals(FinishReason.LENGTH, c.response.finishReason());
        assertEquals(13, c.response.tokenUsage().outputTokenCount());

        Collector starved = run("reasoner?reasoning=10&thinking=10ms&tokens=8", 6);
        assertEquals(6, starved.channel(true).size());
        assertEquals(0, starved.channel(false).size(), "no visible answer when the reasoning used the budget");
        assertEquals("", starved.response.aiMessage().text() == null ? "" : starved.response.aiMessage().text());
    }

    @Test
    void aProfileWithoutReasoningStreamsNoneAndReportsPlainUsage() {
        Collector c = run("fast?tokens=4&ttft=0ms&itl=0ms", null);
        assertTrue(c.channel(true).isEmpty());
        assertEquals(4, c.channel(false).size());
        assertNull(ProviderUsage.reasoning(c.response.tokenUsage()));
        assertEquals(4, c.response.tokenUsage().outputTokenCount());
    }

    @Test
    void thinkingSpreadsTheReasoningTokensOrDefaultsToTheItl() {
        assertEquals(Duration.ofMillis(5), MockProfile.parse("reasoner?reasoning=40&thinking=200ms").reasoningGap());
        assertEquals(Duration.ofMillis(3), MockProfile.parse("fast?itl=3ms&reasoning=4").reasoningGap());
        assertEquals(Duration.ZERO, MockProfile.parse("fast").reasoningGap());
        InputException bad = assertThrows(InputException.class, () -> MockProfile.parse("fast?reasoning=-1"));
        assertTrue(bad.getMessage().contains("reasoning"), bad.getMessage());
        InputException unknown = assertThrows(InputException.class, () -> MockProfile.parse("fast?think=1s"));
        assertTrue(unknown.getMessage().contains("reasoning, thinking"), unknown.getMessage());
    }
}
