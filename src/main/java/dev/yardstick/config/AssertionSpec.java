package dev.yardstick.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One assertion as written under a case's {@code assert:}, in promptfoo's fields: its {@code type} (a {@code not-}
 * prefix negates it), the expected {@code value} (text, a list, or a mapping such as a JSON schema), a
 * {@code threshold}, a {@code weight} (default 1) in the case's score, an optional {@code metric} name and a
 * {@code config} mapping for code assertions. Whether the type exists and the value fits it is judged by the
 * assertion engine; {@code line} is where the assertion starts in its file, so that judgement can point there, and
 * {@code dir} is that file's folder (null for an assertion built in code): a script the assertion names resolves,
 * and a program it runs starts, there, whichever file the case ends up in.
 */
@JsonDeserialize(using = AssertionSpec.Reader.class)
public record AssertionSpec(String type, Object value, Double threshold, Double weight, String metric,
                            Map<String, Object> config, @JsonIgnore int line, @JsonIgnore Path dir) {

    /** The fields an assertion may carry, in the order they are documented. */
    public static final List<String> FIELDS = List.of("type", "value", "threshold", "weight", "metric", "config",
            "provider", "assert");

    /** An {@code assert-set}'s own assertions, kept in {@link #config()} by this key. */
    public static final String CHILDREN = "assert";

    /** A graded assertion's judge model ({@code provider: PROVIDER/MODEL}), kept in {@link #config()} by this key. */
    public static final String PROVIDER = "provider";

    public AssertionSpec {
        if (type == null || type.isBlank()) {
            throw new FieldException("type", "every assertion needs a 'type'");
        }
        if (weight != null && (weight < 0 || weight.isNaN() || weight.isInfinite())) {
            throw new FieldException("weight", "must be zero or more, got " + weight);
        }
        if (threshold != null && (threshold.isNaN() || threshold.isInfinite())) {
            throw new FieldException("threshold", "must be a finite number, got " + threshold);
        }
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** An assertion not yet placed in a folder (as read, before its file is known, or built in code). */
    public AssertionSpec(String type, Object value, Double threshold, Double weight, String metric,
                         Map<String, Object> config, int line) {
        this(type, value, threshold, weight, metric, config, line, null);
    }

    /** An assertion built in code (from an {@code expect:} block, or in tests). */
    public static AssertionSpec of(String type, Object value, Double threshold) {
        return new AssertionSpec(type, value, threshold, null, null, null, 0);
    }

    /** The weight in the case's score: 1 unless given. */
    public double weightOrDefault() {
        return weight == null ? 1 : weight;
    }

    /** The kinds a judge model grades. */
    public static final List<String> GRADED = List.of("llm-rubric", "factuality");

    /** This assertion graded by {@code judge} when it is a graded kind that names no judge of its own. */
    public AssertionSpec judgedBy(String judge) {
        String kind = type.startsWith("not-") ? type.substring(4) : type;
        if (judge == null || !GRADED.contains(kind) || config.containsKey(PROVIDER)) {
            return this;
        }
        Map<String, Object> judged = new LinkedHashMap<>(config);
        judged.put(PROVIDER, judge);
        return new AssertionSpec(type, value, threshold, weight, metric, judged, line, dir);
    }

    /** An {@code assert-set}'s assertions; empty for any other kind. */
    @SuppressWarnings("unchecked")
    public List<AssertionSpec> children() {
        Object children = config.get(CHILDREN);
        return children instanceof List<?> list ? (List<AssertionSpec>) list : List.of();
    }

    /** The same assertion with other children (an assert-set's, placeholders filled). */
    public AssertionSpec withChildren(List<AssertionSpec> filled) {
        if (filled.isEmpty()) {
            return this;
        }
        Map<String, Object> withSet = new LinkedHashMap<>(config);
        withSet.put(CHILDREN, List.copyOf(filled));
        return new AssertionSpec(type, value, threshold, weight, metric, withSet, line, dir);
    }

    /** The same assertion, placed at another line (a JSONL file is parsed one line at a time). */
    public AssertionSpec atLine(int newLine) {
        return new AssertionSpec(type, value, threshold, weight, metric, config, newLine, dir);
    }

    /** The same assertion, and an assert-set's children, written in a file in {@code folder}. */
    public AssertionSpec writtenIn(Path folder) {
        return new AssertionSpec(type, value, threshold, weight, metric, config, line, folder)
                .withChildren(children().stream().map(c -> c.writtenIn(folder)).toList());
    }

    /** Where the assertion's scripts resolve and programs run: its file's folder, else {@code fallback}. */
    public Path dirOr(Path fallback) {
        return dir != null ? dir : fallback;
    }

    /**
     * Reads an assertion keeping the line it starts on. A key it does not know, or a field of the wrong kind, fails
     * the mapping, and the file reader then names the key and its line.
     */
    static final class Reader extends StdDeserializer<AssertionSpec> {

        Reader() {
            super(AssertionSpec.class);
        }

        @Override
        public AssertionSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            int line = p.currentLocation().getLineNr();
            JsonNode node = p.readValueAsTree();
            try {
                return read(node, line, p, ctxt);
            } catch (FieldException e) {
                // at the parser's place (the assertion's end), from where the reader finds the field's own line
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }

        private AssertionSpec read(JsonNode node, int line, JsonParser p, DeserializationContext ctxt)
                throws IOException {
            if (!node.isObject()) {
                throw new FieldException("type", "an assertion is a mapping (type: ..., value: ...), got "
                        + (node.isTextual() ? "text '" + node.asText() + "'" : node.getNodeType().name().toLowerCase(
                        Locale.ROOT)));
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    ctxt.handleUnknownProperty(p, this, AssertionSpec.class, name);
                }
            }
            JsonNode type = node.get("type");
            if (type != null && !type.isTextual()) {
                throw new FieldException("type", "expected text, got " + type);
            }
            JsonNode config = node.get("config");
            if (config != null && !config.isObject()) {
                throw new FieldException("config", "expected a mapping (key: value lines), got " + config);
            }
            JsonNode metric = node.get("metric");
            if (metric != null && !metric.isTextual()) {
                throw new FieldException("metric", "expected text, got " + metric);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> configMap = config == null ? null
                    : ctxt.readTreeAsValue(config, Map.class);
            JsonNode provider = node.get(PROVIDER);
            if (provider != null) {
                if (!provider.isTextual()) {
                    throw new FieldException(PROVIDER, "expected PROVIDER/MODEL, got " + provider);
                }
                configMap = configMap == null ? new LinkedHashMap<>() : new LinkedHashMap<>(configMap);
                configMap.put(PROVIDER, provider.asText());
            }
            JsonNode children = node.get(CHILDREN);
            if (children != null) {
                if (!children.isArray()) {
                    throw new FieldException(CHILDREN, "expected a list of assertions, got " + children);
                }
                List<AssertionSpec> set = new ArrayList<>();
                for (JsonNode child : children) {
                    set.add(read(child, line, p, ctxt));
                }
                configMap = configMap == null ? new LinkedHashMap<>() : new LinkedHashMap<>(configMap);
                configMap.put(CHILDREN, List.copyOf(set));
            }
            Object value = node.hasNonNull("value") ? ctxt.readTreeAsValue(node.get("value"), Object.class) : null;
            return new AssertionSpec(type == null ? null : type.asText(), value, number(node, "threshold"),
                    number(node, "weight"), metric == null ? null : metric.asText(), configMap, line);
        }

        private static Double number(JsonNode node, String field) {
            JsonNode n = node.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isNumber()) {
                return n.asDouble();
            }
            if (n.isTextual()) {
                try {
                    return Double.parseDouble(n.asText().strip());
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
            throw new FieldException(field, "expected a number, got " + (n.isTextual() ? "'" + n.asText() + "'" : n));
        }
    }
}
