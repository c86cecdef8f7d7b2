package dev.yardstick.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's {@code vars} as promptfoo reads them: a var whose value is a list stands for each of its items, so the
 * case runs once per combination (the cartesian product of every list, in the order written). Other values are
 * text: numbers and booleans as written, a mapping as JSON.
 */
public final class VarsMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One combination: every var as text, and the list-valued ones as a name ({@code hero=Lily, place=park}). */
    public record Combination(Map<String, String> vars, String label) {
        public Combination {
            vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        }
    }

    private VarsMatrix() {
    }

    /**
     * Every combination of the vars; one, with an empty label, when no value is a list.
     *
     * @throws FieldException ({@code vars.NAME}) for an empty list, or a list holding lists or mappings
     */
    public static List<Combination> expand(Map<String, Object> vars) {
        List<Combination> combinations = new ArrayList<>(List.of(new Combination(Map.of(), "")));
        for (Map.Entry<String, Object> var : vars.entrySet()) {
            List<String> values = values(var.getKey(), var.getValue());
            boolean listed = var.getValue() instanceof Collection<?>;
            List<Combination> next = new ArrayList<>();
            for (Combination c : combinations) {
                for (String value : values) {
                    Map<String, String> filled = new LinkedHashMap<>(c.vars());
                    filled.put(var.getKey(), value);
                    String label = !listed ? c.label()
                            : (c.label().isEmpty() ? "" : c.label() + ", ") + var.getKey() + "=" + value;
                    next.add(new Combination(filled, label));
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static List<String> values(String name, Object value) {
        if (!(value instanceof Collection<?> items)) {
            return List.of(text(name, value));
        }
        if (items.isEmpty()) {
            throw new FieldException("vars." + name, "an empty list gives no case to run");
        }
        List<String> values = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Collection<?> || item instanceof Map<?, ?>) {
                throw new FieldException("vars." + name, "a list of values holds text or numbers, got " + item);
            }
            values.add(text(name, item));
        }
        return values;
    }

    /** A var's value as the text placeholders are filled with. */
    static String text(String name, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return JSON.writeValueAsString(map);
            } catch (JsonProcessingException e) {
                throw new FieldException("vars." + name, "cannot be written as JSON: " + e.getOriginalMessage());
            }
        }
        return value.toString();
    }
}
