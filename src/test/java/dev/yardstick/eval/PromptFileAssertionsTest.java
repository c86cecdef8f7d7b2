package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.InputException;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptLoader;
import dev.yardstick.config.PromptSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prompt file's assert: lists as read: vars filled, and every mistake one line at the file, line and field. */
class PromptFileAssertionsTest {

    @TempDir
    Path dir;

    private PromptSet load(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return PromptLoader.load(file, AssertionTypes::check);
    }

    /** The error for a file of one case whose assert: list is {@code assertions} (written at the list's indent). */
    private String assertError(String assertions) {
        return error("prompts:\n  - id: one\n    prompt: hi\n    assert:\n" + assertions.stripIndent().indent(6));
    }

    private String error(String text) {
        return assertThrows(InputException.class, () -> load("suite.yaml", text)).getMessage();
    }

    @Test
    void assertionsThresholdAndVarsAreReadAndPlaceholdersFilled() throws Exception {
        PromptSet set = load("suite.yaml", """
                vars:
                  hero: Lily
                prompts:
                  - id: park
                    prompt: "{{hero}} went to the {{place}}"
                    vars:
                      place: park
                    threshold: 0.5
                    expect:
                      max-tokens: 64
                    assert:
                      - type: icontains-all
                        value: ["{{hero}}", "{{place}}"]
                        weight: 2
                        metric: names
                      - type: javascript
                        value: output.length > 0
                        config:
                          timeout: 2s
                """);
        PromptCase park = set.prompts().get(0);
        assertEquals("Lily went to the park", park.promptText());
        assertEquals(Map.of("hero", "Lily", "place", "park"), park.vars());
        assertEquals(0.5, park.threshold());
        assertEquals(2, park.asserts().size());
        AssertionSpec names = park.asserts().get(0);
        assertEquals(List.of("Lily", "park"), names.value());
        assertEquals(2.0, names.weight());
        assertEquals("names", names.metric());
        assertEquals(12, names.line());
        assertEquals(Map.of("timeout", "2s"), park.asserts().get(1).config());
        assertEquals(dir.toAbsolutePath(), set.dir());
        SuiteAssertions suite = SuiteAssertions.of(set);
        CaseResult graded = suite.grade("park", "Lily ran to the park", 5, 1_000_000, null).orElseThrow();
        assertTrue(graded.pass());
        assertEquals(3, graded.assertions().size(), "expect: first, then assert:");
        CaseResult missed = suite.grade("park", "Tom ran", 5, 1_000_000, null).orElseThrow();
        assertFalse(missed.assertions().get(1).pass());
        assertTrue(missed.pass(), "(1 + 0·2 + 1) / 4 = 0.5 reaches the threshold though icontains-all failed");
        assertEquals(0.5, missed.score(), 1e-12);
    }

    @Test
    void anUnknownTypeIsOneLineAtItsFileLineAndField() {
        String message = assertError("""
                      - type: contains
                        value: hi
                      - type: icontain
                        value: hi
                """);
        assertTrue(message.endsWith("suite.yaml:7: field 'prompts[0].assert[1].type': unknown assertion type"
                + " 'icontain' (did you mean 'icontains'?)"), message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void aValueThatDoesNotFitItsTypeIsNamedAtItsLine() {
        String message = error("""
                prompts:
                  - id: one
                    prompt: hi
                  - id: two
                    prompt: hi
                    assert:
                      - type: regex
                        value: "(open"
                """);
        assertTrue(message.contains("suite.yaml:7: field 'prompts[1].assert[0].value': invalid regex '(open'"),
                message);
        assertTrue(assertError("""
                      - type: latency
                """).contains("suite.yaml:5: field 'prompts[0].assert[0].threshold': 'latency' needs a 'threshold'"));
    }

    @Test
    void aSimilarityThresholdAboveOneIsNamedAtItsLine() {
        String message = assertError("""
                      - type: similar
                        value: The cat sleeps.
                        threshold: 2
                """);
        assertTrue(message.contains("suite.yaml:5: field 'prompts[0].assert[0].threshold': a similarity threshold is"
                + " between 0 and 1, got 2"), message);
    }

    @Test
    void anUnknownFieldOrAWrongKindOfValueIsNamedByTheFileReader() {
        String unknown = assertError("""
                      - type: contains
                        valeu: hi
                """);
        assertTrue(unknown.contains("suite.yaml:6: field 'prompts[0].assert[0].valeu': unknown field 'valeu' (did you"
                + " mean 'value'?)"), unknown);
        String weight = assertError("""
                      - type: contains
                        value: hi
                        weight: heavy
                """);
        assertTrue(weight.contains("suite.yaml:7: field 'prompts[0].assert[0].weight': expected a number, got"
                + " 'heavy'"), weight);
        String notAMapping = assertError("""
                      - contains
                """);
        assertTrue(notAMapping.contains("an assertion is a mapping"), notAMapping);
    }

    @Test
    void jsonlCasesCarryAssertionsAtTheirLine() throws Exception {
        String jsonl = """
                {"id": "a", "prompt": "hi", "assert": [{"type": "contains", "value": "hi"}]}
                {"id": "b", "prompt": "hi", "assert": [{"type": "nope"}]}
                """;
        String message = assertThrows(InputException.class, () -> load("suite.jsonl", jsonl)).getMessage();
        assertTrue(message.contains("suite.jsonl:2: field 'prompts[1].assert[0].type': unknown assertion type"),
                message);
    }

    @Test
    void aFileReadWithoutJudgingKeepsItsAssertionsForLater() throws Exception {
        Path file = dir.resolve("later.yaml");
        Files.writeString(file, """
                prompts:
                  - id: one
                    prompt: hi
                    assert:
                      - type: nope
                """);
        PromptSet set = PromptLoader.load(file);
        InputException e = assertThrows(InputException.class, () -> SuiteAssertions.of(set));
        assertEquals("prompt 'one': assert[0].type: unknown assertion type 'nope'", e.getMessage());
    }
}
