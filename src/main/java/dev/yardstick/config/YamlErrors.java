package dev.yardstick.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns a YAML or JSON parse or mapping failure into one line that names the file, the line and the field, and
 * says what is wrong in words, without Jackson's internals.
 */
public final class YamlErrors {

    private static final Pattern TOKEN = Pattern.compile("token `JsonToken\\.([A-Z_]+)`");

    private static final Pattern FROM_VALUE = Pattern.compile(
            "from (String|Array|Object|Boolean|Integer|Number|Double|Long) value(?: \\(('[^']*')\\))?");

    private YamlErrors() {
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
            line = KeyLines.lineNaming(text, unknown.getPropertyName(), line);
        }
        FieldException rejected = causeOf(e, FieldException.class);
        if (rejected != null) {
            return rejected(file, text == null ? line : KeyLines.lineNaming(text, rejected.field(), line), e, rejected);
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
        String key = text == null ? null : KeyLines.keyOnLine(text, contextLine);
        String problem = syntax.getProblem() == null ? "malformed YAML" : syntax.getProblem();
        String context = syntax.getContext() == null ? "" : " (" + syntax.getContext()
                + (contextLine != problemLine ? " that starts on line " + contextLine : "") + ")";
        return InputException.inFile(file.toString(), problemLine, key, "YAML syntax: " + problem + context);
    }
}
