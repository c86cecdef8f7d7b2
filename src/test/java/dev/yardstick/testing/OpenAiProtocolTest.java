package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

/** The real langchain4j OpenAI clients against the loopback server's OpenAI protocol. */
class OpenAiProtocolTest extends ProtocolContractTest {

    @Override
    protected Protocol protocol() {
        return Protocol.OPENAI;
    }

    @Override
    protected StreamingChatModel streamingClient(String baseUrl) {
        return OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("sk-test").modelName("test-model").build();
    }

    private OpenAiChatModel blockingClient() {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl(Protocol.OPENAI)).apiKey("sk-test")
                .modelName("test-model").maxRetries(0).build();
    }

    @Test
    void cachedTokensIdAndHeadersReachTheClient() throws Exception {
        server.behavior(Behavior.DEFAULT.withCachedInputTokens(3));
        ChatResponse response = StreamCapture.chat(streaming, "hi").response();
        assertEquals(3, ((OpenAiTokenUsage) response.tokenUsage()).inputTokensDetails().cachedTokens());
        assertEquals("chatcmpl-loopback0", response.id());
        assertEquals("test-model", response.modelName());
        assertEquals("Bearer sk-test", server.lastRequest().header("Authorization"));
        assertTrue(server.lastRequest().body().path("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void blockingClientGetsTheWholeAnswerAndUsage() {
        server.behavior(Behavior.DEFAULT.withReply("The answer is forty-two."));
        ChatResponse response = blockingClient().chat(
                ChatRequest.builder().messages(UserMessage.from("what is it")).build());
        assertEquals("The answer is forty-two.", response.aiMessage().text());
        assertEquals(3, response.tokenUsage().inputTokenCount());
        assertEquals(4, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertFalse(server.lastRequest().stream());
    }

    @Test
    void blockingClientSeesTheFailureStatus() {
        server.behavior(Behavior.DEFAULT.failing(500));
        RuntimeException error = assertThrows(RuntimeException.class, () -> blockingClient().chat("hi"));
        assertEquals(500, StreamCapture.statusIn(error), () -> "chain: " + error);
    }
}
