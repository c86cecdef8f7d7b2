package dev.yardstick.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestWriterTest {

    private static JsonNode written(ChatRequest request, Integer seed) throws Exception {
        return new ObjectMapper().readTree(ChatRequestWriter.write(request, seed));
    }

    @Test
    void writesTheConversationTheParametersAndAsksForStreamedUsage() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from("be brief"), UserMessage.from("héllo \"you\"\n"), AiMessage.from("hi"),
                        UserMessage.from("again"))
                .modelName("gpt-test").temperature(0.5).topP(0.9).maxOutputTokens(64).stopSequences(List.of("END"))
                .build();

        JsonNode body = written(request, 7);

        assertEquals("gpt-test", body.path("model").asText());
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertEquals("héllo \"you\"\n", body.path("messages").get(1).path("content").asText());
        assertEquals("assistant", body.path("messages").get(2).path("role").asText());
        assertEquals(4, body.path("messages").size());
        assertEquals(0.5, body.path("temperature").asDouble());
        assertEquals(0.9, body.path("top_p").asDouble());
        assertEquals(64, body.path("max_tokens").asInt());
        assertEquals("END", body.path("stop").get(0).asText());
        assertEquals(7, body.path("seed").asInt());
        assertTrue(body.path("stream").asBoolean());
        assertTrue(body.path("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void leavesOutWhatWasNotSet() throws Exception {
        JsonNode body = written(ChatRequest.builder().messages(UserMessage.from("hi")).modelName("m").build(), null);

        for (String field : List.of("temperature", "top_p", "max_tokens", "stop", "seed", "presence_penalty")) {
            assertFalse(body.has(field), field);
        }
    }

    @Test
    void sendsOpenAiParametersCustomBodyFieldsAndSeed() throws Exception {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi"))
                .parameters(OpenAiChatRequestParameters.builder().modelName("m").maxOutputTokens(12).seed(3)
                        .maxCompletionTokens(20).customParameters(Map.of("min_tokens", 12, "ignore_eos", true))
                        .build())
                .build();

        JsonNode body = written(request, 7);

        assertEquals(12, body.path("min_tokens").asInt());
        assertTrue(body.path("ignore_eos").asBoolean());
        assertEquals(12, body.path("max_tokens").asInt());
        assertEquals(20, body.path("max_completion_tokens").asInt());
        assertEquals(3, body.path("seed").asInt(), "the request's seed over the model's");
    }

    @Test
    void refusesWhatItCannotSendWhole() {
        ChatRequest tools = ChatRequest.builder().messages(UserMessage.from("hi")).modelName("m")
                .toolSpecifications(ToolSpecification.builder().name("clock").build()).build();
        ChatRequest image = ChatRequest.builder().modelName("m")
                .messages(UserMessage.from(ImageContent.from("https://example.invalid/a.png"))).build();

        assertThrows(UnsupportedFeatureException.class, () -> ChatRequestWriter.write(tools, null));
        assertThrows(UnsupportedFeatureException.class, () -> ChatRequestWriter.write(image, null));
    }
}
