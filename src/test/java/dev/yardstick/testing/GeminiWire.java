package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.config.Message;
import dev.yardstick.testing.Behavior.FinishReason;
import java.util.List;
import java.util.OptionalInt;

/**
 * Google AI Gemini ({@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse} and {@code :generateContent}).
 * Streamed as SSE {@code data:} events separated by CRLF pairs like the real service, one candidate per chunk, every
 * chunk carrying usageMetadata with the prompt count; the last event carries an empty text part, finishReason and the
 * full usageMetadata (promptTokenCount, candidatesTokenCount, totalTokenCount).
 */
final class GeminiWire implements WireFormat {

    static final GeminiWire INSTANCE = new GeminiWire();

    private GeminiWire() {
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return path.endsWith(":streamGenerateContent");
    }

    @Override
    public String model(String path, JsonNode body) {
        int models = path.indexOf("/models/");
        int colon = path.lastIndexOf(':');
        return models >= 0 && colon > models ? path.substring(models + "/models/".length(), colon) : "loopback-model";
    }

    @Override
    public List<Message> messages(JsonNode body) {
        return Conversations.read(body.path("systemInstruction").path("parts"), body.path("contents"), "parts");
    }

    @Override
    public OptionalInt maxTokens(JsonNode body) {
        return Json.firstInt(body.path("generationConfig"), "maxOutputTokens");
    }

    @Override
    public String streamContentType() {
        return "text/event-stream";
    }

    @Override
    public String streamChunk(Reply reply, int index) {
        ObjectNode chunk = Json.object();
        candidate(chunk, reply.chunks().get(index), null);
        if (reply.usage()) {
            chunk.putObject("usageMetadata").put("promptTokenCount", reply.inputTokens())
                    .put("totalTokenCount", reply.inputTokens());
        }
        return data(trailer(chunk, reply));
    }

    @Override
    public String streamTail(Reply reply) {
        ObjectNode last = Json.object();
        candidate(last, "", reply.finish());
        if (reply.usage()) {
            last.set("usageMetadata", usage(reply));
        }
        return data(trailer(last, reply));
    }

    @Override
    public String keepAliveFrame() {
        return ": ping\r\n\r\n";
    }

    @Override
    public String completeBody(Reply reply) {
        ObjectNode body = Json.object();
        candidate(body, reply.text(), reply.finish());
        if (reply.usage()) {
            body.set("usageMetadata", usage(reply));
        }
        return Json.write(trailer(body, reply));
    }

    @Override
    public String errorBody(int status, String message) {
        String code = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
        ObjectNode error = Json.object().put("code", status).put("message", message).put("status", code);
        return Json.write(Json.object().set("error", error));
    }

    @Override
    public String modelsBody(List<String> models) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("models");
        for (String model : models) {
            ObjectNode entry = list.addObject().put("name", "models/" + model).put("version", "001")
                    .put("displayName", model).put("inputTokenLimit", 1_048_576).put("outputTokenLimit", 8192);
            entry.putArray("supportedGenerationMethods").add("generateContent").add("countTokens");
        }
        return Json.write(body);
    }

    private static void candidate(ObjectNode response, String text, FinishReason finish) {
        ObjectNode candidate = response.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        if (finish != null) {
            candidate.put("finishReason", finish == FinishReason.LENGTH ? "MAX_TOKENS" : "STOP");
        }
        candidate.put("index", 0);
    }

    private static ObjectNode usage(Reply reply) {
        ObjectNode usage = Json.object().put("promptTokenCount", reply.inputTokens())
                .put("candidatesTokenCount", reply.outputTokens())
                .put("totalTokenCount", reply.inputTokens() + reply.outputTokens());
        if (reply.cachedTokens() > 0) {
            usage.put("cachedContentTokenCount", reply.cachedTokens());
        }
        return usage;
    }

    private static ObjectNode trailer(ObjectNode response, Reply reply) {
        return response.put("modelVersion", reply.model()).put("responseId", reply.id("resp-"));
    }

    private static String data(JsonNode node) {
        return "data: " + Json.write(node) + "\r\n\r\n";
    }
}
