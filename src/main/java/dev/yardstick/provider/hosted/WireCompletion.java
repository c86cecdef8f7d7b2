package dev.yardstick.provider.hosted;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
 *
 * <p>Every event is read with Jackson's streaming parser, not into a tree: it runs on the request's thread before
 * the model sees the event, so it must cost well under a microsecond per chunk.
 */
abstract class WireCompletion implements StreamCompletion {

    private static final JsonFactory JSON = new JsonFactory();
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
        try (JsonParser json = JSON.createParser(data)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return "an event that is not a JSON object: " + cut(data);
            }
            Fields fields = new Fields();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("error") && value != JsonToken.VALUE_NULL) {
                    return "an error object in the stream: " + cut(data);
                }
                if (name.equals("type") && "error".equals(json.getValueAsString())) {
                    return "an error object in the stream: " + cut(data);
                }
                field(name, json, fields);
                json.skipChildren();
            }
            events++;
            complete |= completes(event, fields);
            return null;
        } catch (IOException e) {
            return "an event that is not JSON: " + cut(data);
        }
    }

    /** What an event's top-level fields said about the answer. */
    static final class Fields {
        String type;
        boolean finished;
        boolean choices;
    }

    /**
     * Reads the value of one top-level field the rule cares about; the parser stands on the value's first token.
     * A value left unread is skipped by the caller.
     */
    abstract void field(String name, JsonParser json, Fields fields) throws IOException;

    /** Whether the event whose fields these were makes the answer complete: by default, a reason it gave. */
    boolean completes(ServerSentEvent event, Fields fields) {
        return fields.finished;
    }

    /** For OpenAI's choices and Gemini's candidates: whether any element of the array has a non-empty reason. */
    static boolean anyReason(JsonParser json, String reasonField, Fields fields) throws IOException {
        boolean found = false;
        if (json.currentToken() != JsonToken.START_ARRAY) {
            return false;
        }
        while (json.nextToken() == JsonToken.START_OBJECT) {
            fields.choices = true;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals(reasonField) && value == JsonToken.VALUE_STRING && !json.getText().isEmpty()) {
                    found = true;
                }
                json.skipChildren();
            }
        }
        return found;
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
        void field(String name, JsonParser json, Fields fields) throws IOException {
            if (name.equals("choices")) {
                fields.finished = anyReason(json, "finish_reason", fields);
            }
        }

        @Override
        boolean completes(ServerSentEvent event, Fields fields) {
            choices |= fields.choices;
            return fields.finished;
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
        void field(String name, JsonParser json, Fields fields) throws IOException {
            if (name.equals("type")) {
                fields.type = json.getValueAsString();
            }
        }

        @Override
        boolean completes(ServerSentEvent event, Fields fields) {
            return "message_stop".equals(event.event()) || "message_stop".equals(fields.type);
        }

        @Override
        String incomplete() {
            return "the stream ended without message_stop";
        }
    }

    private static final class Gemini extends WireCompletion {
        @Override
        void field(String name, JsonParser json, Fields fields) throws IOException {
            if (name.equals("candidates")) {
                fields.finished = anyReason(json, "finishReason", fields);
            }
        }

        @Override
        String incomplete() {
            return "the stream ended without a candidate's finishReason";
        }
    }

    private static final class Ollama extends WireCompletion {
        @Override
        void field(String name, JsonParser json, Fields fields) throws IOException {
            if (name.equals("done")) {
                fields.finished = json.currentToken() == JsonToken.VALUE_TRUE;
            }
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
