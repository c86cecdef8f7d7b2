package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

/** The real langchain4j Gemini clients against the loopback server's Gemini protocol. */
class GeminiProtocolTest extends ProtocolContractTest {

    @Override
    protected Protocol protocol() {
        return Protocol.GEMINI;
    }

    @Override
    protected StreamingChatModel streamingClient(String baseUrl) {
        return GoogleAiGeminiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("gk-test").modelName("test-model")
                .build();
    }

    @Test
    void apiKeyTravelsInItsHeaderAndTheModelInThePath() throws Exception {
        StreamCapture.chat(streaming, "hi").response();
        RecordedRequest recorded = server.lastRequest();
        assertEquals("gk-test", recorded.header("x-goog-api-key"));
        assertEquals("/v1beta/models/test-model:streamGenerateContent", recorded.path());
        assertEquals("alt=sse", recorded.query());
    }

    @Test
    void blockingClientGetsTheWholeAnswerAndUsage() {
        server.behavior(Behavior.DEFAULT.withReply("Gemini says hi."));
        GoogleAiGeminiChatModel blocking = GoogleAiGeminiChatModel.builder().baseUrl(server.baseUrl(Protocol.GEMINI))
                .apiKey("gk-test").modelName("test-model").maxRetries(0).build();
        ChatResponse response = blocking.chat(ChatRequest.builder().messages(UserMessage.from("greet me")).build());
        assertEquals("Gemini says hi.", response.aiMessage().text());
        assertEquals(2, response.tokenUsage().inputTokenCount());
        assertEquals(3, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals("/v1beta/models/test-model:generateContent", server.lastRequest().path());
    }
}
