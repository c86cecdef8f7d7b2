package dev.yardstick.cost.prices;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The lines of values in a JSON file, found by streaming it once. A tree read with Jackson forgets where its nodes
 * were; this is only run when something must be reported at its line, so the common path reads the file once.
 */
final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {
    }

    /** The line of each pointer's value; pointers not found (or a file that cannot be read again) are left out. */
    static Map<JsonPointer, Integer> find(Path file, Set<JsonPointer> pointers) {
        Map<JsonPointer, Integer> lines = new HashMap<>();
        if (pointers.isEmpty()) {
            return lines;
        }
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null && lines.size() < pointers.size()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                // A value's own context names it; a container's new context names it through its parent.
                JsonPointer here = token.isStructStart() ? parser.getParsingContext().getParent().pathAsPointer()
                        : parser.getParsingContext().pathAsPointer();
                if (pointers.contains(here)) {
                    lines.putIfAbsent(here, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // The file was read whole a moment ago; without lines, the messages still name the entry and the field.
        }
        return lines;
    }
}
