package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.config.Message;
import dev.yardstick.testing.Behavior.FinishReason;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Anthropic messages ({@code POST /v1/messages}), streamed as named SSE events like the real service: message_start
 * (with usage.input_tokens), content_block_start, ping, content_block_delta (text_delta) per chunk,
 * content_block_stop, message_delta (stop_reason and usage.output_tokens), message_stop. Requests without
 * {@code x-api-key} or {@code anthropic-version} are refused as the service refuses them.
 */
final class AnthropicWire implements WireFormat {

    static final AnthropicWire INSTANCE = new AnthropicWire();

    private static final String PING = "event: ping\ndata: {\"type\": \"ping\"}\n\n";

    private AnthropicWire() {
    }

    @Override
    public List<Message> messages(JsonNode body) {
        return Conversations.read(body.path("system"), body.path("messages"), "content");
    }

    @Override
    public OptionalInt maxTokens(JsonNode body) {
        return Json.firstInt(body, "max_tokens");
    }

    @Override
    public Rejection check(Map<String, List<String>> lowerCaseHeaders) {
        if (!lowerCaseHeaders.containsKey("x-api-key")) {
            return new Rejection(401, "x-api-key header is required");
        }
        if (!lowerCaseHeaders.containsKey("anthropic-version")) {
            return new Rejection(400, "anthropic-version: header is required");
        }
        return null;
    }

    @Override
    public Map<String, String> headers(Reply reply) {
        return Map.of("request-id", reply.id("req_"));
    }

    @Override
    public String streamContentType() {
        return "text/event-stream; charset=utf-8";
    }

    @Override
    public String streamHead(Reply reply) {
        ObjectNode message = message(reply);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        if (reply.usage()) {
            // Like the service: the start carries the input side, output_tokens is a placeholder until message_delta.
            message.set("usage", usage(reply, Math.min(1, reply.outputTokens())));
        }
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        return event("message_start", Json.object().put("type", "message_start").set("message", message))
                + event("content_block_start", blockStart) + PING;
    }

    @Override
    public String streamChunk(Reply reply, int index) {
        ObjectNode delta = Json.object().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", reply.chunks().get(index));
        return event("content_block_delta", delta);
    }

    @Override
    public String streamTail(Reply reply) {
        ObjectNode messageDelta = Json.object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason(reply.finish())).putNull("stop_sequence");
        if (reply.usage()) {
            messageDelta.putObject("usage").put("output_tokens", reply.outputTokens());
        }
        return event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", 0))
                + event("message_delta", messageDelta)
                + event("message_stop", Json.object().put("type", "message_stop"));
    }

    @Override
    public String keepAliveFrame() {
        return PING;
    }

    @Override
    public String completeBody(Reply reply) {
        ObjectNode message = message(reply);
        message.putArray("content").addObject().put("type", "text").put("text", reply.text());
        message.put("stop_reason", stopReason(reply.finish())).putNull("stop_sequence");
        if (reply.usage()) {
            message.set("usage", usage(reply, reply.outputTokens()));
        }
        return Json.write(message);
    }

    @Override
    public String errorBody(int status, String message) {
        ObjectNode error = Json.object().put("type", errorType(status)).put("message", message);
        return Json.write(Json.object().put("type", "error").set("error", error));
    }

    @Override
    public String modelsBody(List<String> models) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (String model : models) {
            data.addObject().put("type", "model").put("id", model).put("display_name", model)
                    .put("created_at", "2025-01-01T00:00:00Z");
        }
        body.put("has_more", false);
        body.put("first_id", models.isEmpty() ? null : models.get(0));
        body.put("last_id", models.isEmpty() ? null : models.get(models.size() - 1));
        return Json.write(body);
    }

    private static ObjectNode message(Reply reply) {
        return Json.object().put("id", reply.id("msg_")).put("type", "message").put("role", "assistant")
                .put("model", reply.model());
    }

    private static ObjectNode usage(Reply reply, int outputTokens) {
        return Json.object().put("input_tokens", reply.inputTokens()).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", reply.cachedTokens()).put("output_tokens", outputTokens);
    }

    private static String stopReason(FinishReason reason) {
        return reason == FinishReason.LENGTH ? "max_tokens" : "end_turn";
    }

    private static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    private static String event(String name, JsonNode data) {
        return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
    }
}
