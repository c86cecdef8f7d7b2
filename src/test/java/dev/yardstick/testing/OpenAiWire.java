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
 * OpenAI chat completions ({@code POST /v1/chat/completions}), streamed as SSE {@code data:} chunks like the real
 * service: a role-only delta with empty content, content deltas, a chunk with the finish reason and an empty delta, a
 * usage-only chunk with empty choices (when {@code stream_options.include_usage} asked for it), then
 * {@code data: [DONE]}. The Mistral variant differs where Mistral does: no stream_options, the usage rides on the
 * finish chunk, and errors have Mistral's flat shape.
 */
final class OpenAiWire implements WireFormat {

    static final OpenAiWire OPENAI = new OpenAiWire(false);
    static final OpenAiWire MISTRAL = new OpenAiWire(true);

    private final boolean mistral;

    private OpenAiWire(boolean mistral) {
        this.mistral = mistral;
    }

    @Override
    public List<Message> messages(JsonNode body) {
        return Conversations.read(null, body.path("messages"), "content");
    }

    @Override
    public OptionalInt maxTokens(JsonNode body) {
        return Json.firstInt(body, "max_completion_tokens", "max_tokens");
    }

    @Override
    public boolean streamUsageRequested(JsonNode body) {
        // Mistral always reports usage on its last chunk; OpenAI only when asked.
        return mistral || body.path("stream_options").path("include_usage").asBoolean(false);
    }

    @Override
    public Map<String, String> headers(Reply reply) {
        return Map.of("x-request-id", reply.id("req_"));
    }

    @Override
    public String streamContentType() {
        return "text/event-stream; charset=utf-8";
    }

    @Override
    public String streamHead(Reply reply) {
        ObjectNode delta = Json.object().put("role", "assistant").put("content", "");
        if (!mistral) {
            delta.putNull("refusal");
        }
        return data(chunk(reply, delta, null));
    }

    @Override
    public String streamChunk(Reply reply, int index) {
        return data(chunk(reply, Json.object().put("content", reply.chunks().get(index)), null));
    }

    @Override
    public String streamTail(Reply reply) {
        ObjectNode delta = mistral ? Json.object().put("content", "") : Json.object();
        ObjectNode finish = chunk(reply, delta, finishReason(reply.finish()));
        if (mistral) {
            if (reply.usage()) {
                finish.set("usage", usage(reply));
            }
            return data(finish) + "data: [DONE]\n\n";
        }
        StringBuilder tail = new StringBuilder(data(finish));
        if (reply.usage()) {
            ObjectNode usageChunk = header(reply, "chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(reply));
            tail.append(data(usageChunk));
        }
        return tail.append("data: [DONE]\n\n").toString();
    }

    @Override
    public String keepAliveFrame() {
        return ": ping\n\n";
    }

    @Override
    public String completeBody(Reply reply) {
        ObjectNode body = header(reply, "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", reply.text());
        if (!mistral) {
            message.putNull("refusal");
            message.putArray("annotations");
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", finishReason(reply.finish()));
        if (reply.usage()) {
            body.set("usage", usage(reply));
        }
        if (!mistral) {
            body.put("service_tier", "default");
        }
        return Json.write(body);
    }

    @Override
    public String errorBody(int status, String message) {
        if (mistral) {
            return Json.write(Json.object().put("object", "error").put("message", message)
                    .put("type", errorType(status)).putNull("param").put("code", String.valueOf(status)));
        }
        ObjectNode error = Json.object().put("message", message).put("type", errorType(status)).putNull("param")
                .put("code", status == 429 ? "rate_limit_exceeded" : null);
        return Json.write(Json.object().set("error", error));
    }

    @Override
    public String modelsBody(List<String> models) {
        ObjectNode body = Json.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String model : models) {
            data.addObject().put("id", model).put("object", "model").put("created", 1_700_000_000L)
                    .put("owned_by", "loopback");
        }
        return Json.write(body);
    }

    private ObjectNode chunk(Reply reply, ObjectNode delta, String finishReason) {
        ObjectNode chunk = header(reply, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (!mistral) {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", finishReason);
        if (!mistral && reply.usage()) {
            chunk.putNull("usage"); // OpenAI marks every chunk but the last this way once usage was requested
        }
        return chunk;
    }

    private ObjectNode header(Reply reply, String object) {
        ObjectNode node = Json.object().put("id", reply.id(mistral ? "cmpl-" : "chatcmpl-")).put("object", object)
                .put("created", reply.createdEpochSeconds()).put("model", reply.model());
        if (!mistral) {
            node.put("system_fingerprint", "fp_loopback");
        }
        return node;
    }

    private ObjectNode usage(Reply reply) {
        ObjectNode usage = Json.object().put("prompt_tokens", reply.inputTokens())
                .put("completion_tokens", reply.outputTokens())
                .put("total_tokens", reply.inputTokens() + reply.outputTokens());
        if (!mistral) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", reply.cachedTokens()).put("audio_tokens", 0);
            usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                    .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        }
        return usage;
    }

    private static String finishReason(FinishReason reason) {
        return reason == FinishReason.LENGTH ? "length" : "stop";
    }

    private static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_exceeded";
            default -> "server_error";
        };
    }

    private static String data(JsonNode node) {
        return "data: " + Json.write(node) + "\n\n";
    }
}
