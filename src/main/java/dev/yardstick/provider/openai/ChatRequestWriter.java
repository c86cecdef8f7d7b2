package dev.yardstick.provider.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a streamed chat completion request as OpenAI's API takes it, with Jackson's generator straight to bytes:
 * the fields langchain4j's OpenAI model sends for the parameters Yardstick sets (model, messages, temperature,
 * top_p, max_tokens, stop, penalties, seed, and the custom parameters of {@link OpenAiChatRequestParameters}) plus
 * {@code stream} and {@code stream_options.include_usage}. Text
 * messages only: a request with tools, images or a structured response format is refused, not sent half-written.
 */
final class ChatRequestWriter {

    /** A mapper's factory: its generators can write the values of custom parameters, whatever their type. */
    private static final JsonFactory JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build()).getFactory();

    private ChatRequestWriter() {
    }

    static byte[] write(ChatRequest request, Integer seed) {
        ChatRequestParameters p = request.parameters();
        if (p.toolSpecifications() != null && !p.toolSpecifications().isEmpty()) {
            throw new UnsupportedFeatureException("tools are not supported by Yardstick's OpenAI streaming client");
        }
        ResponseFormat format = p.responseFormat();
        if (format != null && format.type() != ResponseFormatType.TEXT) {
            throw new UnsupportedFeatureException("a JSON response format is not supported by Yardstick's OpenAI "
                    + "streaming client");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("model", p.modelName());
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                json.writeStartObject();
                json.writeStringField("role", role(message));
                json.writeStringField("content", text(message));
                json.writeEndObject();
            }
            json.writeEndArray();
            number(json, "temperature", p.temperature());
            number(json, "top_p", p.topP());
            if (p.maxOutputTokens() != null) {
                json.writeNumberField("max_tokens", p.maxOutputTokens());
            }
            if (p instanceof OpenAiChatRequestParameters openAi && openAi.maxCompletionTokens() != null) {
                json.writeNumberField("max_completion_tokens", openAi.maxCompletionTokens());
            }
            stops(json, p.stopSequences());
            number(json, "presence_penalty", p.presencePenalty());
            number(json, "frequency_penalty", p.frequencyPenalty());
            Integer requestSeed = p instanceof OpenAiChatRequestParameters openAi && openAi.seed() != null
                    ? openAi.seed() : seed;
            if (requestSeed != null) {
                json.writeNumberField("seed", requestSeed);
            }
            if (p instanceof OpenAiChatRequestParameters openAi && openAi.customParameters() != null) {
                // Extra body fields a server of the family takes (vLLM's min_tokens, ignore_eos), as langchain4j
                // sends them: at the top level of the request.
                for (Map.Entry<String, Object> custom : openAi.customParameters().entrySet()) {
                    json.writeObjectField(custom.getKey(), custom.getValue());
                }
            }
            json.writeBooleanField("stream", true);
            json.writeObjectFieldStart("stream_options");
            json.writeBooleanField("include_usage", true);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to take bytes
        }
        return out.toByteArray();
    }

    private static void number(JsonGenerator json, String name, Double value) throws IOException {
        if (value != null) {
            json.writeNumberField(name, value);
        }
    }

    private static void stops(JsonGenerator json, List<String> stops) throws IOException {
        if (stops == null || stops.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("stop");
        for (String stop : stops) {
            json.writeString(stop);
        }
        json.writeEndArray();
    }

    private static String role(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> "system";
            case UserMessage u -> "user";
            case AiMessage a -> "assistant";
            default -> throw new UnsupportedFeatureException(message.type() + " messages are not supported by "
                    + "Yardstick's OpenAI streaming client");
        };
    }

    private static String text(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case AiMessage a -> {
                if (a.hasToolExecutionRequests()) {
                    throw new UnsupportedFeatureException("tool calls are not supported by Yardstick's OpenAI "
                            + "streaming client");
                }
                yield a.text();
            }
            case UserMessage u -> {
                if (u.hasSingleText()) {
                    yield u.singleText();
                }
                StringBuilder text = new StringBuilder();
                for (Content content : u.contents()) {
                    if (!(content instanceof TextContent t)) {
                        throw new UnsupportedFeatureException(content.type() + " content is not supported by "
                                + "Yardstick's OpenAI streaming client");
                    }
                    text.append(t.text());
                }
                yield text.toString();
            }
            default -> throw new IllegalStateException("unreachable: " + message.type());
        };
    }
}
