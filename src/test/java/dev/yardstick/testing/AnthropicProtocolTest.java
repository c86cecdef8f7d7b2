package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

/** The real langchain4j Anthropic clients against the loopback server's Anthropic protocol. */
class AnthropicProtocolTest extends ProtocolContractTest {

    @Override
    protected Protocol protocol() {
        return Protocol.ANTHROPIC;
    }

    @Override
    protected StreamingChatModel streamingClient(String baseUrl) {
        return AnthropicStreamingChatModel.builder().baseUrl(baseUrl).apiKey("ak-test").modelName("test-model")
                .build();
    }

    @Test
    void requiredHeadersAreRecordedAndCachedTokensReported() throws Exception {
        server.behavior(Behavior.DEFAULT.withCachedInputTokens(5));
        ChatResponse response = StreamCapture.chat(streaming, "hi").response();
        assertEquals("ak-test", server.lastRequest().header("x-api-key"));
        assertEquals("2023-06-01", server.lastRequest().header("anthropic-version"));
        assertEquals(5, ((AnthropicTokenUsage) response.tokenUsage()).cacheReadInputTokens());
        assertEquals("msg_loopback0", response.id());
    }

    @Test
    void blockingClientGetsTheWholeAnswerAndUsage() {
        server.behavior(Behavior.DEFAULT.withReply("Short and sweet."));
        AnthropicChatModel blocking = AnthropicChatModel.builder().baseUrl(server.baseUrl(Protocol.ANTHROPIC))
                .apiKey("ak-test").modelName("test-model").maxRetries(0).build();
        ChatResponse response = blocking.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from("say it")).build());
        assertEquals("Short and sweet.", response.aiMessage().text());
        assertEquals(2, response.tokenUsage().inputTokenCount());
        assertEquals(3, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
    }
}
