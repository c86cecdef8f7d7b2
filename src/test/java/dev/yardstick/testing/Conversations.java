package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import java.util.ArrayList;
import java.util.List;

/** Reads the conversation out of a request body, whichever provider's field names it uses. */
final class Conversations {

    private Conversations() {
    }

    /**
     * The messages of an array of {@code {role, <contentField>}} objects (OpenAI, Mistral, Anthropic, Ollama use
     * {@code content}; Gemini uses {@code parts}), after an optional top-level system text. Roles outside
     * system/user/assistant (tool results) are left out: they are no part of Yardstick's conversations.
     */
    static List<Message> read(JsonNode system, JsonNode messages, String contentField) {
        List<Message> conversation = new ArrayList<>();
        if (system != null && !system.isMissingNode() && !system.isNull()) {
            conversation.add(Message.system(Json.text(system)));
        }
        for (JsonNode message : messages) {
            Role role = role(message.path("role").asText());
            if (role != null) {
                conversation.add(new Message(role, Json.text(message.get(contentField))));
            }
        }
        return conversation;
    }

    /** A provider's role name as Yardstick's role; null for roles Yardstick does not model. */
    static Role role(String wireName) {
        return switch (wireName) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant", "model" -> Role.ASSISTANT;
            default -> null;
        };
    }
}
