package dev.yardstick.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads the YAML (or JSON) files users write into records, turning every parse or mapping failure into an
 * {@link InputException} that names the file, the line and the field, and says what is wrong in words. Keys are
 * kebab-case in files ({@code max-tokens}) and camelCase in records ({@code maxTokens}). A key no record knows is
 * an error that suggests the nearest known one.
 */
public final class YamlFiles {

    /**
     * The largest YAML document read, in characters: SnakeYAML's own default (3 MB) turned away a long prompt that
     * works on stdin, but its scanner is slow on huge scalars (seconds per megabyte), so past this a file is refused
     * at once with a pointer to JSONL, whose lines the JSON parser reads at any size up to {@link #MAX_JSON_STRING}.
     */
    static final int MAX_YAML_CHARS = 16 * 1024 * 1024;
    static final int MAX_JSON_STRING = 256 * 1024 * 1024;

    private static final Pattern TOKEN = Pattern.compile("token `JsonToken\\.([A-Z_]+)`");

    private static final Pattern FROM_VALUE = Pattern.compile(
            "from (String|Array|Object|Boolean|Integer|Number|Double|Long) value(?: \\(('[^']*')\\))?");

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
        return parse(file, readText(file), type);
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
            return describe(file, text, syntax);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return InputException.inFile(file.toString(), 0, null, "the file holds no document");
        }
        return UnknownFields.first(YAML, tree, type).map(unknown -> InputException.inFile(file.toString(),
                firstLineNaming(text, unknown.key()), unknown.path(), unknown.problem()))
                .orElseGet(() -> describe(file, text, e));
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
                    .orElseGet(() -> describeAt(file, lineNumber, e));
        }
    }

    public static JsonNode readTree(Path file) {
        String text = readText(file);
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw describe(file, text, e);
        }
    }

    /**
     * The file as UTF-8 text. A directory, a binary file (a NUL byte) or bytes that are not UTF-8 are named as
     * such, with the line where they start, rather than as a decoder's "Input length = 1".
     */
    public static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + " is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + FileProblems.reason(e));
        } catch (OutOfMemoryError e) {
            throw new InputException("cannot read " + file + ": it is too large to hold in memory");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw InputException.inFile(file.toString(), lineAtByte(bytes, i), null,
                        "a NUL byte: this looks like a binary file, not text");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            throw InputException.inFile(file.toString(), lineAtByte(bytes, in.position()), null,
                    "not UTF-8 text (byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF)
                            + "): this looks like a binary file or another encoding");
        }
        utf8.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineAtByte(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The nearest line at or before {@code reported} that names {@code key}; {@code reported} if none does. */
    static int lineNaming(String text, String key, int reported) {
        List<String> lines = text.lines().toList();
        Pattern named = keyPattern(key);
        for (int i = Math.min(reported, lines.size()); i >= 1; i--) {
            if (named.matcher(lines.get(i - 1)).find()) {
                return i;
            }
        }
        return reported;
    }

    /** The first line that names {@code key} (as {@code key:}), 0 when none does. */
    public static int firstLineNaming(String text, String key) {
        List<String> lines = text.lines().toList();
        Pattern named = keyPattern(key);
        for (int i = 0; i < lines.size(); i++) {
            if (named.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Pattern keyPattern(String key) {
        return Pattern.compile("(^|[\\s{,-])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
    }

    /** One line that says where in the file and what went wrong, without Jackson's internals. */
    public static InputException describe(Path file, JsonProcessingException e) {
        return describe(file, null, e);
    }

    /**
     * As {@link #describe(Path, JsonProcessingException)}, with the file's text to find better lines: Jackson
     * reports an unknown key at the end of its object, and SnakeYAML a bad character at line 1.
     */
    public static InputException describe(Path file, String text, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        int line = where == null ? 0 : where.getLineNr();
        if (text != null && e instanceof UnrecognizedPropertyException unknown) {
            line = lineNaming(text, unknown.getPropertyName(), line);
        }
        FieldException rejected = causeOf(e, FieldException.class);
        if (rejected != null) {
            return rejected(file, text == null ? line : lineNaming(text, rejected.field(), line), e, rejected);
        }
        ReaderException badCharacter = causeOf(e, ReaderException.class);
        if (text != null && badCharacter != null) {
            return badCharacter(file, text);
        }
        MarkedYAMLException syntax = causeOf(e, MarkedYAMLException.class);
        if (syntax != null) {
            return syntaxError(file, text, syntax, line);
        }
        return describeAt(file, line, e);
    }

    /**
     * As {@link #describe(Path, JsonProcessingException)}, at a line the caller knows better than Jackson: a JSONL
     * file is parsed one line at a time, so Jackson's own line is always 1.
     */
    public static InputException describeAt(Path file, int line, JsonProcessingException e) {
        FieldException rejected = causeOf(e, FieldException.class);
        if (rejected != null) {
            return rejected(file, line, e, rejected);
        }
        return InputException.inFile(file.toString(), line, fieldOf(e), problem(e));
    }

    /** A value a record rejected: the path to the record, then the field it named. */
    private static InputException rejected(Path file, int line, JsonProcessingException e, FieldException rejected) {
        String path = fieldOf(e);
        return InputException.inFile(file.toString(), line,
                path == null ? rejected.field() : path + "." + rejected.field(), rejected.problem());
    }

    /** The field path Jackson was reading ({@code prompts[1].expect.max-tokens}), null at the top. */
    public static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return null;
    }

    /** What went wrong, in words: expected what and got what, or the record's own validation message. */
    public static String problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return UnknownFields.problem(unknown.getPropertyName(),
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
        }
        // A record's own validation (thrown from its constructor while mapping) says best what is wrong.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InputException || cause instanceof IllegalArgumentException) {
                return firstLine(cause.getMessage());
            }
            if (cause instanceof NullPointerException) {
                return "a required value is missing or null";
            }
        }
        if (e instanceof InvalidFormatException format) {
            return "expected " + Expected.of(format.getTargetType()) + ", got " + Expected.got(format.getValue());
        }
        String message = e.getOriginalMessage();
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            JsonParser parser = mismatch.getProcessor() instanceof JsonParser p ? p : null;
            JsonToken token = parser == null ? null : parser.currentToken();
            Matcher named = message == null ? null : TOKEN.matcher(message);
            Matcher from = message == null ? null : FROM_VALUE.matcher(message);
            if (token == null && named != null && named.find()) {
                token = JsonToken.valueOf(named.group(1));
                parser = null;
            } else if (token == null && from != null && from.find()) {
                return "expected " + Expected.of(mismatch.getTargetType()) + ", got " + switch (from.group(1)) {
                    case "String" -> "text" + (from.group(2) == null ? "" : " " + from.group(2));
                    case "Array" -> "a list";
                    case "Object" -> "a mapping";
                    case "Boolean" -> "true or false";
                    default -> "a number";
                };
            }
            if (token != null && !token.isStructEnd()) {
                return "expected " + Expected.of(mismatch.getTargetType()) + ", got " + Expected.got(token, parser);
            }
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // Jackson's messages can run over several lines and name Java classes; keep the first line, drop the class.
        return firstLine(message)
                .replaceAll(" \\(class [^)]*\\)", "")
                .replaceAll(" \\(token `JsonToken\\.[A-Z_]+`\\)", "")
                .replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }

    private static <X extends Throwable> X causeOf(Throwable e, Class<X> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** A control character YAML forbids: name it and the line it is on (SnakeYAML always says line 1). */
    private static InputException badCharacter(Path file, String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || (c >= 0x7F && c <= 0x9F && c != 0x85)) {
                return InputException.inFile(file.toString(), line, null, String.format(
                        "control character U+%04X is not allowed in YAML (write it escaped in a double-quoted"
                                + " string, e.g. \"\\x%02X\")", (int) c, (int) c));
            }
        }
        return InputException.inFile(file.toString(), 0, null, "a character YAML does not allow");
    }

    /** A YAML syntax error: SnakeYAML's problem, at its line, with the key whose value it was reading. */
    private static InputException syntaxError(Path file, String text, MarkedYAMLException syntax, int line) {
        int problemLine = syntax.getProblemMark() != null ? syntax.getProblemMark().getLine() + 1 : line;
        int contextLine = syntax.getContextMark() != null ? syntax.getContextMark().getLine() + 1 : problemLine;
        String key = text == null ? null : keyOnLine(text, contextLine);
        String problem = syntax.getProblem() == null ? "malformed YAML" : syntax.getProblem();
        String context = syntax.getContext() == null ? "" : " (" + syntax.getContext()
                + (contextLine != problemLine ? " that starts on line " + contextLine : "") + ")";
        return InputException.inFile(file.toString(), problemLine, key, "YAML syntax: " + problem + context);
    }

    private static String keyOnLine(String text, int line) {
        List<String> lines = text.lines().toList();
        if (line < 1 || line > lines.size()) {
            return null;
        }
        var m = Pattern.compile("^[\\s-]*[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*:").matcher(lines.get(line - 1));
        return m.find() ? m.group(1) : null;
    }
}
