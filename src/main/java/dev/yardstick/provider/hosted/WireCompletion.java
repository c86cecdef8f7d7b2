package dev.yardstick.provider.hosted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.yardstick.provider.http.StreamCompletion;

/**
 * Each wire protocol's rule for a complete streamed answer (README, "What the numbers mean"):
 * <ul>
 *   <li>OpenAI-compatible and Mistral: a choice with a {@code finish_reason}, or {@code data: [DONE]} after at least
 *       one choice;</li>
 *   <li>Anthropic: the {@code message_stop} event;</li>
 *   <li>Gemini: a candidate with a {@code finishReason};</li>
 *   <li>Ollama: a line with {@code "done": true}.</li>
 * </ul>
 * Everywhere, an error event or an {@code error} object in the stream fails it at once, as does data that is not a
 * JSON object; a stream with no event at all (an HTML page, a JSON body where a stream was asked for, an empty
 * body) or only metadata (usage) is not an answer. A complete answer whose text is empty is still complete: the
 * engine flags it.
 */
abstract class WireCompletion implements StreamCompletion {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 120;

    private int events;
    private boolean complete;

    static StreamCompletion openAi() {
        return new OpenAi();
    }

    static StreamCompletion anthropic() {
        return new Anthropic();
    }

    static StreamCompletion gemini() {
        return new Gemini();
    }

    static StreamCompletion ollama() {
        return new Ollama();
    }

    @Override
    public final String onEvent(ServerSentEvent event) {
        String data = event.data() == null ? "" : event.data().trim();
        if ("error".equals(event.event())) {
            return "an error event in the stream: " + cut(data);
        }
        if (data.isEmpty() || isSentinel(data)) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return "an event that is not JSON: " + cut(data);
        }
        if (node == null || !node.isObject()) {
            return "an event that is not a JSON object: " + cut(data);
        }
        if (node.has("error") || "error".equals(node.path("type").asText(null))) {
            return "an error object in the stream: " + cut(data);
        }
        events++;
        complete |= completes(event, node);
        return null;
    }

    @Override
    public final String atEnd() {
        if (complete) {
            return null;
        }
        if (events == 0 && !sentinelSeen()) {
            return "no " + unit() + " in the response (not a stream of this protocol)";
        }
        return incomplete();
    }

    /** Whether this event, parsed, makes the answer complete. */
    abstract boolean completes(ServerSentEvent event, JsonNode data);

    /** What the stream lacked, when it ended with events but incomplete. */
    abstract String incomplete();

    boolean isSentinel(String data) {
        return false;
    }

    boolean sentinelSeen() {
        return false;
    }

    String unit() {
        return "SSE event";
    }

    private static String cut(String data) {
        String oneLine = data.replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…";
    }

    /** OpenAI's chat completions, and Mistral's, which streams the same shape. */
    private static final class OpenAi extends WireCompletion {
        private boolean choices;
        private boolean done;

        @Override
        boolean isSentinel(String data) {
            if (data.equals("[DONE]")) {
                done = true;
                return true;
            }
            return false;
        }

        @Override
        boolean sentinelSeen() {
            return done;
        }

        @Override
        boolean completes(ServerSentEvent event, JsonNode data) {
            boolean finished = false;
            for (JsonNode choice : data.path("choices")) {
                choices = true;
                JsonNode reason = choice.get("finish_reason");
                finished |= reason != null && !reason.isNull() && !reason.asText().isEmpty();
            }
            return finished;
        }

        @Override
        public String incomplete() {
            if (!choices) {
                return "no choice in the stream, only metadata such as usage (a content-free answer)";
            }
            return done ? null : "the stream ended without a finish_reason or data: [DONE]";
        }
    }

    private static final class Anthropic extends WireCompletion {
        @Override
        boolean isSentinel(String data) {
            return data.equals("[DONE]"); // some gateways in front of Claude add it
        }

        @Override
        boolean completes(ServerSentEvent event, JsonNode data) {
            return "message_stop".equals(event.event()) || "message_stop".equals(data.path("type").asText(null));
        }

        @Override
        String incomplete() {
            return "the stream ended without message_stop";
        }
    }

    private static final class Gemini extends WireCompletion {
        @Override
        boolean completes(ServerSentEvent event, JsonNode data) {
            for (JsonNode candidate : data.path("candidates")) {
                JsonNode reason = candidate.get("finishReason");
                if (reason != null && !reason.isNull() && !reason.asText().isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        String incomplete() {
            return "the stream ended without a candidate's finishReason";
        }
    }

    private static final class Ollama extends WireCompletion {
        @Override
        boolean completes(ServerSentEvent event, JsonNode data) {
            return data.path("done").asBoolean(false);
        }

        @Override
        String incomplete() {
            return "the stream ended without a line with \"done\": true";
        }

        @Override
        String unit() {
            return "JSON line";
        }
    }
}
