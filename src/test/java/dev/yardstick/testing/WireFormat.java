package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.Message;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One provider's wire protocol: how to read its requests and how to frame its answers. The server owns timing,
 * failures and connection handling; a wire format only turns a {@link Reply} into that provider's bytes.
 */
interface WireFormat {

    /** Whether this request asks for a streamed answer ({@code "stream": true} unless the protocol says otherwise). */
    default boolean isStream(String path, JsonNode body) {
        return body.path("stream").asBoolean(false);
    }

    /** The model the request names (echoed back in the answer). */
    default String model(String path, JsonNode body) {
        return body.path("model").asText("loopback-model");
    }

    /** The conversation the request carries, roles normalised to system/user/assistant. */
    List<Message> messages(JsonNode body);

    /** The request's cap on output tokens, if it sets one. */
    OptionalInt maxTokens(JsonNode body);

    /** Why this request is refused before any behaviour applies (a missing required header), or null to serve it. */
    default Rejection check(Map<String, List<String>> lowerCaseHeaders) {
        return null;
    }

    /** A refusal the real service would give: status and message, framed by {@link #errorBody}. */
    record Rejection(int status, String message) {
    }

    /** Whether a streamed request asked for usage (only OpenAI-compatible protocols make it optional). */
    default boolean streamUsageRequested(JsonNode body) {
        return true;
    }

    /** Provider-specific response headers (request ids). */
    default Map<String, String> headers(Reply reply) {
        return Map.of();
    }

    String streamContentType();

    /** Everything sent before the first content chunk (a role-only delta, message_start, ...). */
    default String streamHead(Reply reply) {
        return "";
    }

    /** The frame carrying content chunk {@code index}. */
    String streamChunk(Reply reply, int index);

    /** Everything after the last content chunk (finish reason, usage, terminator). */
    String streamTail(Reply reply);

    /** A frame that keeps the connection alive and carries no content; null if the protocol has none. */
    String keepAliveFrame();

    /** The whole body of a non-streamed answer. */
    String completeBody(Reply reply);

    /** The body of an error answer with this status. */
    String errorBody(int status, String message);

    /** The body of the model list a reachability probe reads. */
    String modelsBody(List<String> models);
}
