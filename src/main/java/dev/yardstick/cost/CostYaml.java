package dev.yardstick.cost;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.YamlFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the cost package's YAML files (price lists, scenarios) into records whose constructors check their own
 * values, with errors that name the file, the line and the field. Two things are mended on the way to
 * {@link YamlFiles#describe}: a constructor's complaint, which Jackson wraps in "Cannot construct instance of ...,
 * problem: ...", keeps its own one-line message; and an unknown key gets the line the key is on, where the YAML
 * parser reports the line after it.
 */
final class CostYaml {

    private CostYaml() {
    }

    static <T> T read(Path file, Class<T> type) {
        String text = YamlFiles.readText(file);
        if (text.isBlank()) {
            throw InputException.inFile(file.toString(), 0, null, "the file is empty");
        }
        try {
            T value = YamlFiles.mapper().readValue(text, type);
            if (value == null) {
                throw InputException.inFile(file.toString(), 0, null, "the file holds no document");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            JsonLocation at = e.getLocation();
            int line = lineOf(text, e.getPropertyName(), at == null ? 0 : at.getLineNr());
            String known = e.getKnownPropertyIds() == null ? "" : "; known fields: " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw YamlFiles.describe(file, rebuilt(e, "unknown field" + known,
                    new JsonLocation(ContentReference.unknown(), -1, -1, line, 0)));
        } catch (JsonProcessingException e) {
            throw YamlFiles.describe(file, plain(e));
        }
    }

    /** The exception with a record's own message when a constructor rejected a value, else unchanged. */
    static JsonProcessingException plain(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException wrapped && wrapped.getCause() instanceof InputException cause) {
            return rebuilt(wrapped, cause.getMessage(), e.getLocation());
        }
        return e;
    }

    private static JsonMappingException rebuilt(JsonMappingException e, String message, JsonLocation location) {
        JsonMappingException clean = new JsonMappingException(null, message, location);
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            clean.prependPath(path.get(i));
        }
        return clean;
    }

    /** The nearest line at or before {@code reported} that names {@code key}; {@code reported} if none does. */
    static int lineOf(String text, String key, int reported) {
        List<String> lines = text.lines().toList();
        Pattern named = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        for (int i = Math.min(reported, lines.size()); i >= 1; i--) {
            if (named.matcher(lines.get(i - 1)).find()) {
                return i;
            }
        }
        return reported;
    }
}
