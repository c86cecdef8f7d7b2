package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.config.Message;
import dev.yardstick.testing.Behavior.FinishReason;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Ollama's native chat ({@code POST /api/chat}), streamed as NDJSON: one {@code {"message":{...},"done":false}} object
 * per chunk, then a {@code "done":true} object with done_reason, prompt_eval_count, eval_count and the durations in
 * nanoseconds (taken from the behaviour's schedule). Ollama streams unless {@code "stream":false}.
 */
final class OllamaWire implements WireFormat {

    static final OllamaWire INSTANCE = new OllamaWire();

    private OllamaWire() {
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return body.path("stream").asBoolean(true);
    }

    @Override
    public List<Message> messages(JsonNode body) {
        return Conversations.read(null, body.path("messages"), "content");
    }

    @Override
    public OptionalInt maxTokens(JsonNode body) {
        return Json.firstInt(body.path("options"), "num_predict");
    }

    @Override
    public String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    public String streamChunk(Reply reply, int index) {
        ObjectNode chunk = header(reply);
        chunk.putObject("message").put("role", "assistant").put("content", reply.chunks().get(index));
        return Json.write(chunk.put("done", false)) + "\n";
    }

    @Override
    public String streamTail(Reply reply) {
        return Json.write(done(reply, "")) + "\n";
    }

    @Override
    public String keepAliveFrame() {
        return null; // NDJSON has no comments
    }

    @Override
    public String completeBody(Reply reply) {
        return Json.write(done(reply, reply.text()));
    }

    @Override
    public String errorBody(int status, String message) {
        return Json.write(Json.object().put("error", message));
    }

    @Override
    public String modelsBody(List<String> models) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("models");
        for (String model : models) {
            ObjectNode entry = list.addObject().put("name", model).put("model", model)
                    .put("modified_at", "2025-01-01T00:00:00Z").put("size", 1_185_000L)
                    .put("digest", "loopback");
            entry.putObject("details").put("parent_model", "").put("format", "gguf").put("family", "llama")
                    .put("parameter_size", "260K").put("quantization_level", "Q8_0");
        }
        return Json.write(body);
    }

    private static ObjectNode header(Reply reply) {
        return Json.object().put("model", reply.model()).put("created_at", Instant.now().toString());
    }

    private static ObjectNode done(Reply reply, String content) {
        ObjectNode done = header(reply);
        done.putObject("message").put("role", "assistant").put("content", content);
        done.put("done_reason", reply.finish() == FinishReason.LENGTH ? "length" : "stop").put("done", true);
        Behavior behavior = reply.behavior();
        long promptEval = behavior.ttft().toNanos();
        long eval = Math.max(0, reply.chunks().size() - 1) * behavior.itl().toNanos();
        done.put("total_duration", promptEval + eval + behavior.trailerDelay().toNanos()).put("load_duration", 0);
        if (reply.usage()) {
            done.put("prompt_eval_count", reply.inputTokens());
        }
        done.put("prompt_eval_duration", promptEval);
        if (reply.usage()) {
            done.put("eval_count", reply.outputTokens());
        }
        return done.put("eval_duration", eval);
    }
}
