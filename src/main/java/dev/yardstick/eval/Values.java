package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads an assertion's {@code value} and {@code threshold} in the shape its kind needs, or says what is wrong. */
final class Values {

    private Values() {
    }

    /** A text value (a number or true/false is taken as written). */
    static String text(AssertionSpec spec) {
        Object value = spec.value();
        if (value == null) {
            throw new FieldException("value", "'" + spec.type() + "' needs a 'value'");
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            throw new FieldException("value", "'" + spec.type() + "' needs text, got "
                    + (value instanceof Map<?, ?> ? "a mapping" : "a list"));
        }
        return String.valueOf(value);
    }

    /** A list of texts; one text is split at its commas, as promptfoo reads {@code value: "a, b"}. */
    static List<String> texts(AssertionSpec spec) {
        Object value = spec.value();
        if (value == null) {
            throw new FieldException("value", "'" + spec.type() + "' needs a 'value' (a list of texts)");
        }
        List<String> texts;
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item == null || item instanceof Collection<?> || item instanceof Map<?, ?>) {
                    throw new FieldException("value", "'" + spec.type() + "' needs a list of texts, got " + item);
                }
            }
            texts = items.stream().map(String::valueOf).toList();
        } else if (value instanceof Map<?, ?>) {
            throw new FieldException("value", "'" + spec.type() + "' needs a list of texts, got a mapping");
        } else {
            texts = Arrays.stream(String.valueOf(value).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }
        if (texts.isEmpty()) {
            throw new FieldException("value", "'" + spec.type() + "' needs at least one text");
        }
        return texts;
    }

    /** The threshold, which this kind cannot do without. */
    static double threshold(AssertionSpec spec, String meaning) {
        if (spec.threshold() == null) {
            throw new FieldException("threshold", "'" + spec.type() + "' needs a 'threshold' (" + meaning + ")");
        }
        return spec.threshold();
    }

    /** A short form of the value for a result's name: {@code "park"}, {@code ["a", "b"]}. */
    static String excerpt(Object value) {
        if (value == null) {
            return "";
        }
        String shown = value instanceof String s ? "\"" + s + "\"" : value instanceof Collection<?> c
                ? c.stream().map(v -> "\"" + v + "\"").toList().toString() : String.valueOf(value);
        shown = shown.replaceAll("\\s+", " ");
        return shown.length() > 60 ? shown.substring(0, 59) + "…" : shown;
    }
}
