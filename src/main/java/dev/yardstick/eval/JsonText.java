package dev.yardstick.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Reads JSON out of an answer: the whole answer, or the first JSON object or array inside it. */
final class JsonText {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    /** The answer as JSON, when the whole of it (trimmed) is one JSON value. */
    static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text.strip());
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The first JSON object or array inside the text (prose or a code fence around it), as promptfoo looks. */
    static Optional<JsonNode> find(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '{' && c != '[') {
                continue;
            }
            try (JsonParser parser = MAPPER.createParser(text.substring(i))) {
                JsonNode node = MAPPER.readTree(parser);
                if (node != null && node.isContainerNode()) {
                    return Optional.of(node);
                }
            } catch (IOException e) {
                // not JSON from here: try the next bracket
            }
        }
        return Optional.empty();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value read from YAML always writes as JSON", e);
        }
    }
}
