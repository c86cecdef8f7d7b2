package dev.yardstick.eval;

import static dev.yardstick.eval.Grading.grade;
import static dev.yardstick.eval.Grading.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.Levenshtein;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every string, structure and limit assertion on fixed answers, passing and failing, with promptfoo's meanings. */
class TextAndJsonAssertionsTest {

    @Test
    void equalsIsExactAndAMappingValueComparesJson() {
        assertTrue(passes("equals", "Hello, World!", "Hello, World!"));
        assertFalse(passes("equals", "Hello, World!", "hello, world!"));
        assertTrue(passes("equals", Map.of("a", 1, "b", List.of(true)), "{\"b\": [true], \"a\": 1}"));
        assertFalse(passes("equals", Map.of("a", 1), "{\"a\": 2}"));
        assertEquals("the answer is not JSON", grade("equals", Map.of("a", 1), null, "a = 1").reason());
        assertTrue(passes("not-equals", "x", "y"));
        assertFalse(passes("not-equals", "x", "x"));
    }

    @Test
    void containsRespectsCaseAndIcontainsIgnoresIt() {
        assertTrue(passes("contains", "park", "Lily went to the park."));
        assertFalse(passes("contains", "Park", "Lily went to the park."));
        assertTrue(passes("icontains", "Park", "Lily went to the park."));
        assertFalse(passes("icontains", "zoo", "Lily went to the park."));
        assertTrue(passes("not-contains", "zoo", "the park"));
        assertFalse(passes("not-contains", "park", "the park"));
        assertTrue(passes("not-icontains", "ZOO", "the zoo".replace("zoo", "park")));
        assertFalse(passes("not-icontains", "PARK", "the park"));
        assertEquals("the answer contains \"park\"", grade("not-contains", "park", null, "the park").reason());
    }

    @Test
    void anyAndAllFormsTakeAListOrCommaSeparatedText() {
        String answer = "Tom and Lily found a ball";
        assertTrue(passes("contains-any", List.of("cat", "ball"), answer));
        assertFalse(passes("contains-any", List.of("cat", "Ball"), answer));
        assertTrue(passes("icontains-any", List.of("cat", "BALL"), answer));
        assertFalse(passes("icontains-any", "cat, dog", answer));
        assertTrue(passes("contains-all", "Tom, Lily", answer));
        assertFalse(passes("contains-all", List.of("Tom", "lily"), answer));
        assertTrue(passes("icontains-all", List.of("TOM", "lily"), answer));
        assertFalse(passes("icontains-all", List.of("tom", "dog"), answer));
        assertEquals("missing [\"dog\"]", grade("icontains-all", List.of("tom", "dog"), null, answer).reason());
        assertTrue(passes("not-contains-any", List.of("cat", "dog"), answer));
        assertFalse(passes("not-contains-any", List.of("cat", "Tom"), answer));
        assertTrue(passes("not-contains-all", List.of("Tom", "dog"), answer));
        assertFalse(passes("not-icontains-all", List.of("tom", "LILY"), answer));
        assertTrue(passes("not-icontains-any", List.of("cat", "dog"), answer));
    }

    @Test
    void startsWithRegexAndLevenshtein() {
        assertTrue(passes("starts-with", "Once", "Once upon a time"));
        assertFalse(passes("starts-with", "once", "Once upon a time"));
        assertTrue(passes("not-starts-with", "Twice", "Once upon a time"));
        assertTrue(passes("regex", "\\d{3}-\\d{4}", "call 555-1234 now"));
        assertFalse(passes("regex", "^\\d+$", "call 555"));
        assertTrue(passes("not-regex", "^\\d+$", "call 555"));
        // "kitten" → "sitting" is the textbook distance 3; the default largest distance is 5
        assertTrue(grade("levenshtein", "kitten", 3.0, "sitting").pass());
        assertFalse(grade("levenshtein", "kitten", 2.0, "sitting").pass());
        assertEquals("edit distance 3 > 2", grade("levenshtein", "kitten", 2.0, "sitting").reason());
        assertTrue(passes("levenshtein", "hello world", "hallo wereld"));
        assertFalse(passes("levenshtein", "hello", "goodbye, cruel world"));
        assertEquals(3, Levenshtein.distance("kitten", "sitting"));
        assertEquals(0, Levenshtein.distance("", ""));
        assertEquals(4, Levenshtein.distance("", "four"));
    }

    @Test
    void isJsonContainsJsonAndJsonSchema() {
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("name"),
                "properties", Map.of("name", Map.of("type", "string"), "age", Map.of("type", "integer")));
        assertTrue(passes("is-json", null, " {\"name\": \"Lily\"} "));
        assertFalse(passes("is-json", null, "Sure! {\"name\": \"Lily\"}"));
        assertTrue(passes("not-is-json", null, "plain words"));
        assertTrue(passes("is-json", schema, "{\"name\": \"Lily\", \"age\": 4}"));
        Grade wrongType = grade("is-json", schema, null, "{\"name\": \"Lily\", \"age\": \"four\"}");
        assertFalse(wrongType.pass());
        assertTrue(wrongType.reason().startsWith("does not fit the schema: "), wrongType.reason());
        assertTrue(wrongType.reason().contains("age"), wrongType.reason());
        assertTrue(passes("contains-json", null, "Here it is:\n```json\n{\"name\": \"Tom\"}\n```"));
        assertFalse(passes("contains-json", null, "no braces { here"));
        assertTrue(passes("contains-json", schema, "Result: {\"name\": \"Tom\"} done"));
        assertFalse(passes("contains-json", schema, "Result: {\"nom\": \"Tom\"} done"));
        assertTrue(passes("json-schema", schema, "{\"name\": \"Tom\"}"));
        assertTrue(passes("json-schema", "{\"type\": \"array\", \"minItems\": 2}", "[1, 2]"));
        assertFalse(passes("json-schema", "{\"type\": \"array\", \"minItems\": 2}", "[1]"));
        assertFalse(passes("json-schema", schema, "not json"));
        FieldException noSchema = assertThrows(FieldException.class, () -> grade("json-schema", null, null, "{}"));
        assertEquals("value", noSchema.field());
    }

    @Test
    void limitsOnLatencyCostAndTokens() {
        Answer answer = Grading.answer("hi"); // 12 tokens, 250 ms, $0.002
        assertTrue(Grading.grade(AssertionSpec.of("latency", null, 250.0), answer).pass());
        Grade slow = Grading.grade(AssertionSpec.of("latency", null, 249.0), answer);
        assertFalse(slow.pass());
        assertEquals("250 ms > 249 ms", slow.reason());
        assertTrue(Grading.grade(AssertionSpec.of("cost", null, 0.002), answer).pass());
        assertFalse(Grading.grade(AssertionSpec.of("cost", null, 0.001), answer).pass());
        Grade unpriced = Grading.grade(AssertionSpec.of("cost", null, 1.0),
                new Answer("hi", 1, 1, null, "c", "p", Map.of()));
        assertTrue(unpriced.error(), "an unknown price is an error, not a pass");
        Grade untimed = Grading.grade(AssertionSpec.of("latency", null, 1e9),
                new Answer("hi", 1, -1, 0.0, "c", "p", Map.of()));
        assertTrue(untimed.error() && !untimed.pass(), "a cached answer's latency is unknown, never a pass");
        assertTrue(untimed.reason().contains("response cache"), untimed.reason());
        assertTrue(Grading.grade(AssertionSpec.of("max-tokens", 12, null), answer).pass());
        assertFalse(Grading.grade(AssertionSpec.of("max-tokens", 11, null), answer).pass());
        assertFalse(Grading.grade(AssertionSpec.of("max-tokens", null, 11.0), answer).pass());
        FieldException noThreshold = assertThrows(FieldException.class,
                () -> Grading.grade(AssertionSpec.of("latency", null, null), answer));
        assertEquals("threshold", noThreshold.field());
        FieldException notLatency = assertThrows(FieldException.class,
                () -> Grading.grade(AssertionSpec.of("not-latency", null, 5.0), answer));
        assertEquals("'latency' is a limit and has no not- form", notLatency.problem());
    }

    @Test
    void badAssertionsAreRejectedBeforeGradingNamingTheField() {
        FieldException unknown = assertThrows(FieldException.class, () -> grade("contain", "x", null, ""));
        assertEquals("type", unknown.field());
        assertEquals("unknown assertion type 'contain' (did you mean 'contains'?)", unknown.problem());
        assertEquals("unknown assertion type 'frobnicate'",
                assertThrows(FieldException.class, () -> grade("frobnicate", "x", null, "")).problem());
        FieldException regex = assertThrows(FieldException.class, () -> grade("regex", "(unclosed", null, ""));
        assertEquals("value", regex.field());
        assertTrue(regex.problem().startsWith("invalid regex '(unclosed'"), regex.problem());
        assertEquals("'contains' needs a 'value'",
                assertThrows(FieldException.class, () -> grade("contains", null, null, "")).problem());
        assertEquals("'contains' needs text, got a list",
                assertThrows(FieldException.class, () -> grade("contains", List.of("a"), null, "")).problem());
        assertEquals("'json-schema' takes a JSON Schema (a mapping) as its 'value'",
                assertThrows(FieldException.class, () -> grade("json-schema", "[1]", null, "")).problem());
        assertEquals("weight", assertThrows(FieldException.class,
                () -> new AssertionSpec("contains", "x", null, -1.0, null, null, 0)).field());
        assertTrue(AssertionTypes.names().containsAll(List.of("equals", "contains", "icontains", "contains-any",
                "contains-all", "icontains-any", "icontains-all", "starts-with", "regex", "levenshtein", "is-json",
                "contains-json", "json-schema", "latency", "cost", "max-tokens", "javascript", "python",
                "command")));
    }
}
