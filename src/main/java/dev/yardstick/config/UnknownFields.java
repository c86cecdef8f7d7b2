package dev.yardstick.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a key in a document that the record it maps to has no field for. Jackson reports unknown keys only after
 * it has built the record, so a record that rejects its missing fields ({@code promt:} for {@code prompt:}) would
 * otherwise complain about the missing field instead of the typo; this walks the tree first.
 */
public final class UnknownFields {

    /** An unknown key, the path to it and the fields that were expected there. */
    record Unknown(String key, String path, List<String> known) {
        String problem() {
            return UnknownFields.problem(key, known);
        }
    }

    private UnknownFields() {
    }

    static Optional<Unknown> first(ObjectMapper mapper, JsonNode node, Class<?> type) {
        return first(mapper, node, mapper.constructType(type), "");
    }

    private static Optional<Unknown> first(ObjectMapper mapper, JsonNode node, JavaType type, String path) {
        if (node == null || type == null) {
            return Optional.empty();
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            if (!node.isArray()) {
                return first(mapper, node, type.getContentType(), path + "[0]");
            }
            for (int i = 0; i < node.size(); i++) {
                Optional<Unknown> found = first(mapper, node.get(i), type.getContentType(), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        if (type.isMapLikeType()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<Unknown> found = first(mapper, e.getValue(), type.getContentType(), join(path, e.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!isRecordLike(type)) {
            return Optional.empty();
        }
        BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
        List<BeanPropertyDefinition> properties = bean.findProperties();
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        List<String> known = new ArrayList<>();
        for (BeanPropertyDefinition p : properties) {
            known.add(p.getName());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            BeanPropertyDefinition property = properties.stream()
                    .filter(p -> p.getName().equals(e.getKey())
                            || p.findAliases().stream().anyMatch(a -> a.getSimpleName().equals(e.getKey())))
                    .findFirst().orElse(null);
            if (property == null) {
                return Optional.of(new Unknown(e.getKey(), join(path, e.getKey()), known));
            }
            Optional<Unknown> found = first(mapper, e.getValue(), property.getPrimaryType(), join(path, e.getKey()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Records (and plain classes) of this project: the types whose keys users write. */
    private static boolean isRecordLike(JavaType type) {
        Class<?> raw = type.getRawClass();
        return raw.getName().startsWith("dev.yardstick.") && !raw.isEnum() && !raw.isInterface();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** "unknown field 'promt' (did you mean 'prompt'?)", or the known fields when none is near. */
    public static String problem(String key, List<String> known) {
        return problem("field", key, known);
    }

    /** "unknown {@code kind} 'openaii' (did you mean 'openai'?)", or the known names when none is near. */
    public static String problem(String kind, String key, List<String> known) {
        Optional<String> nearest = known.stream()
                .filter(k -> distance(k, key) <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt(k -> distance(k, key)));
        if (nearest.isPresent()) {
            return "unknown " + kind + " '" + key + "' (did you mean '" + nearest.get() + "'?)";
        }
        return "unknown " + kind + " '" + key + "' (expected one of " + String.join(", ", known.stream().sorted().toList())
                + ")";
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        return Levenshtein.distance(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }
}
