package dev.yardstick.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.YamlFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the cost package's YAML files (price lists, scenarios) into records whose constructors check their own
 * values. Jackson wraps a constructor's complaint in "Cannot construct instance of ..., problem: ..."; this keeps
 * Jackson's file, line and field and puts the record's own one-line message in place of that wording.
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
        } catch (JsonProcessingException e) {
            throw YamlFiles.describe(file, plain(e));
        }
    }

    /** The exception with a record's own message when a constructor rejected a value, else unchanged. */
    static JsonProcessingException plain(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException wrapped && wrapped.getCause() instanceof InputException cause) {
            JsonMappingException clean = new JsonMappingException(null, cause.getMessage(), e.getLocation());
            List<JsonMappingException.Reference> path = wrapped.getPath();
            for (int i = path.size() - 1; i >= 0; i--) {
                clean.prependPath(path.get(i));
            }
            return clean;
        }
        return e;
    }
}
