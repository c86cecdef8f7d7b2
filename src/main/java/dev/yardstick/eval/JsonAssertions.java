package dev.yardstick.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The assertions on an answer's structure: {@code is-json} (the whole answer is JSON), {@code contains-json} (a JSON
 * object or array appears in it), each checked against a JSON Schema when a {@code value} gives one, and
 * {@code json-schema} (the answer is JSON valid against the schema its {@code value} must give). Schemas without a
 * {@code $schema} are read as draft 2020-12.
 */
final class JsonAssertions {

    /** Built by the first schema a suite holds: the validator's classes take about half a second to load. */
    private static final class Schemas {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    }

    private JsonAssertions() {
    }

    static void register(Map<String, AssertionType> types) {
        types.put("is-json", spec -> json(spec, JsonText::parse, "the answer is not JSON", false));
        types.put("contains-json", spec -> json(spec, JsonText::find, "no JSON object or array in the answer", false));
        types.put("json-schema", spec -> json(spec, JsonText::parse, "the answer is not JSON", true));
    }

    private static Assertion json(AssertionSpec spec, Function<String, Optional<JsonNode>> read, String notJson,
                                  boolean schemaRequired) {
        Schema schema = schema(spec, schemaRequired);
        return answer -> {
            Optional<JsonNode> node = read.apply(answer.output());
            if (node.isEmpty()) {
                return Grade.of(false, notJson);
            }
            if (schema == null) {
                return Grade.of(true, "");
            }
            List<Error> errors = schema.validate(node.get().toString(), InputFormat.JSON);
            return Grade.of(errors.isEmpty(), errors.isEmpty() ? "" : "does not fit the schema: "
                    + errors.get(0).toString() + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : ""));
        };
    }

    /** The schema in {@code value}: a mapping, or its JSON text. */
    private static Schema schema(AssertionSpec spec, boolean required) {
        Object value = spec.value();
        if (value == null) {
            if (required) {
                throw new FieldException("value", "'" + spec.type() + "' needs a JSON Schema as its 'value'");
            }
            return null;
        }
        String text = value instanceof String s ? s : JsonText.write(value);
        if (JsonText.parse(text).filter(JsonNode::isObject).isEmpty()) {
            throw new FieldException("value", "'" + spec.type() + "' takes a JSON Schema (a mapping) as its 'value'");
        }
        try {
            return Schemas.REGISTRY.getSchema(text, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new FieldException("value", "not a usable JSON Schema: " + e.getMessage());
        }
    }
}
