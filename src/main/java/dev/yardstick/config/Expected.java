package dev.yardstick.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/** Names, in a user's words, what a field expected and what it got instead ("a whole number", "a list"). */
public final class Expected {

    private Expected() {
    }

    public static String of(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == String.class || type == CharSequence.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).toList());
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value lines)";
        }
        return "another kind of value";
    }

    public static String got(Object value) {
        if (value instanceof String s) {
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        return String.valueOf(value);
    }

    static String got(JsonToken token, JsonParser parser) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT, FIELD_NAME -> "a mapping";
            case VALUE_STRING -> parser == null ? "text" : "text " + got(text(parser));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser == null ? "a number" : "the number " + text(parser);
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "nothing (null)";
            default -> "something else";
        };
    }

    private static String text(JsonParser parser) {
        if (parser == null) {
            return "?";
        }
        try {
            return parser.getText();
        } catch (IOException e) {
            return "?";
        }
    }
}
