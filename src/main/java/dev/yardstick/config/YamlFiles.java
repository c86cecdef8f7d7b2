package dev.yardstick.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the YAML (or JSON) files users write into records, turning every parse or mapping failure into an
 * {@link InputException} that names the file, the line and the field. Keys are kebab-case in files
 * ({@code max-tokens}) and camelCase in records ({@code maxTokens}).
 */
public final class YamlFiles {

    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private YamlFiles() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.findAndRegisterModules()
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /** The mapper files are read with, for callers that convert a node they already hold. */
    public static ObjectMapper mapper() {
        return YAML;
    }

    public static <T> T read(Path file, Class<T> type) {
        String text = readText(file);
        if (text.isBlank()) {
            throw InputException.inFile(file.toString(), 0, null, "the file is empty");
        }
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw InputException.inFile(file.toString(), 0, null, "the file holds no document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw describe(file, text, e);
        }
    }

    public static JsonNode readTree(Path file) {
        String text = readText(file);
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw describe(file, e);
        }
    }

    public static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The nearest line at or before {@code reported} that names {@code key}; {@code reported} if none does. */
    static int lineNaming(String text, String key, int reported) {
        List<String> lines = text.lines().toList();
        Pattern named = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        for (int i = Math.min(reported, lines.size()); i >= 1; i--) {
            if (named.matcher(lines.get(i - 1)).find()) {
                return i;
            }
        }
        return reported;
    }

    /** One line that says where in the file and what went wrong, without Jackson's internals. */
    public static InputException describe(Path file, JsonProcessingException e) {
        return describe(file, null, e);
    }

    /**
     * As {@link #describe(Path, JsonProcessingException)}, with the file's text to mend one thing: for a record,
     * Jackson reports an unknown key at the end of its object; the line that names the key is where to look.
     */
    public static InputException describe(Path file, String text, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        int line = where == null ? 0 : where.getLineNr();
        if (text != null && e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            line = lineNaming(text, unknown.getPropertyName(), line);
        }
        return describeAt(file, line, e);
    }

    /**
     * As {@link #describe(Path, JsonProcessingException)}, at a line the caller knows better than Jackson: a JSONL
     * file is parsed one line at a time, so Jackson's own line is always 1.
     */
    public static InputException describeAt(Path file, int line, JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String problem = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            problem = "unknown field '" + unknown.getPropertyName() + "' (expected one of "
                    + String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
                    + ")";
        }
        // A record's own validation (thrown from its constructor while mapping) says best what is wrong.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InputException || cause instanceof IllegalArgumentException) {
                problem = cause.getMessage();
                break;
            }
        }
        if (problem == null) {
            problem = e.getClass().getSimpleName();
        }
        // Jackson's messages can run over several lines and name Java classes; keep the first line, drop the class.
        problem = problem.lines().findFirst().orElse(problem)
                .replaceAll(" \\(class [^)]*\\)", "")
                .replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value");
        return InputException.inFile(file.toString(), line, field, problem);
    }
}
