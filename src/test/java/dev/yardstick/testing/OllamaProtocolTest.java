package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real langchain4j Ollama clients against the loopback server's Ollama protocol. */
class OllamaProtocolTest extends ProtocolContractTest {

    @Override
    protected Protocol protocol() {
        return Protocol.OLLAMA;
    }

    @Override
    protected StreamingChatModel streamingClient(String baseUrl) {
        return OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName("test-model").build();
    }

    @Test
    void blockingClientGetsTheWholeAnswerAndUsage() {
        server.behavior(Behavior.DEFAULT.withReply("Local and fast."));
        OllamaChatModel blocking = OllamaChatModel.builder().baseUrl(server.baseUrl(Protocol.OLLAMA))
                .modelName("test-model").maxRetries(0).build();
        ChatResponse response = blocking.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from("go")).build());
        assertEquals("Local and fast.", response.aiMessage().text());
        assertEquals(1, response.tokenUsage().inputTokenCount());
        assertEquals(3, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
    }

    @Test
    void modelListAnswersTheRealClient() {
        OllamaModels models = OllamaModels.builder().baseUrl(server.baseUrl(Protocol.OLLAMA)).build();
        List<String> names = models.availableModels().content().stream().map(m -> m.getName()).toList();
        assertEquals(List.of("loopback-model"), names);
        assertEquals(1, server.probeCount());
        assertEquals(0, server.requestCount());
    }
}
