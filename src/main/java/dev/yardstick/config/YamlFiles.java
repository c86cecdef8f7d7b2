package dev.yardstick.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the YAML (or JSON) files users write into records, turning every parse or mapping failure into an
 * {@link InputException} that names the file, the line and the field, and says what is wrong in words. Keys are
 * kebab-case in files ({@code max-tokens}) and camelCase in records ({@code maxTokens}). A key no record knows is
 * an error that suggests the nearest known one. The text rules are {@link TextFiles}'; the words of an error,
 * {@link YamlErrors}'.
 */
public final class YamlFiles {

    /**
     * The largest YAML document read, in characters: SnakeYAML's own default (3 MB) turned away a long prompt that
     * works on stdin, but its scanner is slow on huge scalars (seconds per megabyte), so past this a file is refused
     * at once with a pointer to JSONL, whose lines the JSON parser reads at any size up to {@link #MAX_JSON_STRING}.
     */
    static final int MAX_YAML_CHARS = 16 * 1024 * 1024;
    static final int MAX_JSON_STRING = 256 * 1024 * 1024;

    private static final ObjectMapper YAML = configure(new ObjectMapper(yamlFactory()));
    private static final ObjectMapper JSON = configure(new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_JSON_STRING).build())
            .build()));

    private YamlFiles() {
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CHARS + 1);
        return YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_YAML_CHARS).build())
                .build();
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
        return parse(file, TextFiles.readText(file), type);
    }

    /** Maps a file's text (already read) into {@code type}; every mistake names the file, line and field. */
    public static <T> T parse(Path file, String text, Class<T> type) {
        if (text.isBlank()) {
            throw InputException.inFile(file.toString(), 0, null, "the file is empty");
        }
        if (text.length() > MAX_YAML_CHARS) {
            throw InputException.inFile(file.toString(), 0, null, "the file is larger than " + MAX_YAML_CHARS / 1024 / 1024
                    + " MB, the most a YAML file may hold; give long prompts as JSONL (one JSON object a line)");
        }
        T value;
        try {
            value = YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw explain(file, text, type, e);
        }
        if (value == null) {
            throw InputException.inFile(file.toString(), 0, null, "the file holds no document");
        }
        return value;
    }

    /**
     * The most telling error for a document that failed to map: its syntax first (Jackson maps as it parses, so an
     * unclosed bracket would otherwise read as a wrong type), then an unknown key (Jackson reports those only once
     * the record is built, so a record that rejects a missing field would hide the typo behind it), then the
     * mapping error itself.
     */
    private static InputException explain(Path file, String text, Class<?> type, JsonProcessingException e) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException syntax) {
            return YamlErrors.describe(file, text, syntax);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return InputException.inFile(file.toString(), 0, null, "the file holds no document");
        }
        return UnknownFields.first(YAML, tree, type).map(unknown -> InputException.inFile(file.toString(),
                KeyLines.firstLineNaming(text, unknown.key()), unknown.path(), unknown.problem()))
                .orElseGet(() -> YamlErrors.describe(file, text, e));
    }

    /** Maps one line of a JSONL file (JSON, whatever its size) into {@code type}, errors at that line. */
    public static <T> T parseJsonLine(Path file, int lineNumber, String line, Class<T> type) {
        try {
            return JSON.readValue(line, type);
        } catch (JsonProcessingException e) {
            Optional<UnknownFields.Unknown> unknown = Optional.empty();
            try {
                unknown = UnknownFields.first(JSON, JSON.readTree(line), type);
            } catch (JsonProcessingException notJson) {
                // The line does not parse at all: the mapping error says so.
            }
            throw unknown.map(u -> InputException.inFile(file.toString(), lineNumber, u.path(), u.problem()))
                    .orElseGet(() -> YamlErrors.describeAt(file, lineNumber, e));
        }
    }

    public static JsonNode readTree(Path file) {
        return readTree(file, TextFiles.readText(file));
    }

    /** As {@link #readTree(Path)}, of the file's text the caller has read already. */
    public static JsonNode readTree(Path file, String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw YamlErrors.describe(file, text, e);
        }
    }
}
