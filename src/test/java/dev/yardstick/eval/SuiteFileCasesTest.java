package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Yardstick's prompt files as suites: a vars matrix, {@code defaults:} under every case, per-model overrides, and
 * {@code cases:} from CSV and JSONL files (promptfoo's columns), each mistake at its file and line.
 */
class SuiteFileCasesTest {

    @TempDir
    Path dir;

    private PromptSet load(String text) throws Exception {
        return PromptLoader.load(Files.writeString(dir.resolve("suite.yaml"), text), AssertionTypes::check);
    }

    private static PromptCase byId(PromptSet set, String id) {
        return set.prompts().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + set.prompts().stream().map(PromptCase::id)
                        .toList()));
    }

    @Test
    void listValuedVarsRunEveryCombinationNamedByIt() throws Exception {
        PromptSet set = load("""
                prompts:
                  - id: walk
                    prompt: "{{hero}} walked to the {{place}} at {{time}}"
                    vars:
                      hero: [Lily, Tom, Sue]
                      place: [park, home]
                      time: noon
                    assert:
                      - type: icontains
                        value: "{{place}}"
                """);
        assertEquals(6, set.prompts().size());
        assertEquals(List.of("walk [hero=Lily, place=park]", "walk [hero=Lily, place=home]",
                "walk [hero=Tom, place=park]", "walk [hero=Tom, place=home]", "walk [hero=Sue, place=park]",
                "walk [hero=Sue, place=home]"), set.prompts().stream().map(PromptCase::id).toList());
        PromptCase tomHome = byId(set, "walk [hero=Tom, place=home]");
        assertEquals("Tom walked to the home at noon", tomHome.promptText());
        assertEquals("home", tomHome.asserts().getFirst().value(), "placeholders in assertions are filled per case");
        assertEquals(Map.of("hero", "Tom", "place", "home", "time", "noon"), tomHome.vars());
    }

    @Test
    void anAssertSetIsJudgedAsACaseWithinTheCase() throws Exception {
        PromptSet set = load("""
                prompts:
                  - id: one
                    prompt: "{{hero}}"
                    vars: {hero: Lily}
                    assert:
                      - type: assert-set
                        threshold: 0.5
                        weight: 2
                        assert:
                          - type: icontains
                            value: "{{hero}}"
                          - type: icontains
                            value: Tom
                      - type: not-assert-set
                        assert: [{type: icontains, value: park}]
                """);
        CaseResult lily = SuiteAssertions.of(set).grade("one", "Lily ran", 2, 1, null).orElseThrow();
        assertTrue(lily.pass(), lily.toString());
        assertEquals(0.5, lily.assertions().get(0).score(), 1e-12, "half of the set passed, its threshold 0.5");
        assertEquals((2 * 0.5 + 1) / 3, lily.score(), 1e-12);
        CaseResult park = SuiteAssertions.of(set).grade("one", "Tom in the park", 3, 1, null).orElseThrow();
        assertEquals(List.of(true, false), park.assertions().stream().map(AssertionResult::pass).toList(),
                "the set passes on Tom alone; its not- form fails on park");
        InputException empty = assertThrows(InputException.class, () -> load("""
                prompts:
                  - id: one
                    prompt: hi
                    assert:
                      - type: assert-set
                """));
        assertTrue(empty.getMessage().contains("field 'prompts[0].assert[0].assert': an assert-set needs its own"),
                empty.getMessage());
    }

    @Test
    void anEmptyListIsAMistakeAtItsLine() {
        InputException e = assertThrows(InputException.class, () -> load("""
                prompts:
                  - id: walk
                    prompt: "{{hero}}"
                    vars: {hero: []}
                    assert:
                      - type: icontains
                        value: x
                """));
        assertTrue(e.getMessage().startsWith(dir.resolve("suite.yaml") + ":6: field 'prompts[0].vars.hero': an"
                + " empty list"), e.getMessage());
    }

    @Test
    void defaultsGoUnderEveryCaseAndTheCaseWins() throws Exception {
        PromptSet set = load("""
                vars: {hero: Lily}
                defaults:
                  vars: {place: park}
                  threshold: 0.5
                  assert:
                    - type: not-icontains
                      value: http
                prompts:
                  - id: one
                    prompt: "{{hero}} at the {{place}}"
                    assert:
                      - type: icontains
                        value: "{{place}}"
                  - id: two
                    prompt: "{{hero}} at the {{place}}"
                    vars: {place: garden}
                    threshold: 0.9
                """);
        PromptCase one = byId(set, "one");
        assertEquals(List.of("not-icontains", "icontains"), one.asserts().stream().map(AssertionSpec::type).toList());
        assertEquals(0.5, one.threshold());
        PromptCase two = byId(set, "two");
        assertEquals("Lily at the garden", two.promptText());
        assertEquals(List.of("not-icontains"), two.asserts().stream().map(AssertionSpec::type).toList());
        assertEquals(0.9, two.threshold());
    }

    @Test
    void perModelOverridesSetParametersAndAddAssertionsForThatModelOnly() throws Exception {
        PromptSet set = load("""
                models:
                  mock/fast: {temperature: 0.5, assert: [{type: max-tokens, value: 40}]}
                prompts:
                  - id: one
                    prompt: hi
                    assert: [{type: icontains, value: a}]
                    models:
                      mock/fast: {max-tokens: 8, assert: [{type: regex, value: "\\\\w"}]}
                      local/stories260k: {temperature: 0}
                """);
        PromptCase one = byId(set, "one");
        assertEquals(0.5, one.override("mock/fast").params().temperature(), "the file's override stays");
        assertEquals(8, one.override("mock/fast").params().maxTokens(), "the case's override adds to it");
        assertEquals(List.of("max-tokens", "regex"), one.override("mock/fast").asserts().stream()
                .map(AssertionSpec::type).toList());
        assertEquals(0.0, one.override("local/stories260k").params().temperature());
        assertEquals(0, one.override("mock/slow").asserts().size());

        SuiteAssertions suite = SuiteAssertions.of(set);
        assertEquals(3, suite.grade("one", "mock/fast", "a b", 2, 1, null).orElseThrow().assertions().size());
        assertEquals(1, suite.grade("one", "mock/slow", "a b", 2, 1, null).orElseThrow().assertions().size());
    }

    @Test
    void anOverrideForAMalformedModelNameIsAMistakeAtItsLine() {
        InputException e = assertThrows(InputException.class, () -> load("""
                prompts:
                  - id: one
                    prompt: hi
                    models:
                      fast: {max-tokens: 8}
                """));
        assertTrue(e.getMessage().startsWith(dir.resolve("suite.yaml") + ":5: field 'prompts[0].models':"
                + " malformed model name 'fast'"), e.getMessage());
    }

    @Test
    void csvCasesAreVarsWithPromptfoosExpectedColumns() throws Exception {
        Files.writeString(dir.resolve("cases.csv"), """
                __description,hero,__expected,__expected1,__threshold,__metadata:area
                lily,Lily,contains:park,"icontains-any:ball,tree",0.5,play
                ,Tom,not-icontains(0.7):http,fn:output.length > 3,,
                exact,Sue,Sue went home.,similar(0.8):Sue walked home,,
                """);
        PromptSet set = load("""
                prompts:
                  - id: story
                    prompt: "{{hero}} went out"
                cases: file://cases.csv
                """);
        assertEquals(List.of("story/lily", "story/case 2", "story/exact"),
                set.prompts().stream().map(PromptCase::id).toList());
        PromptCase lily = byId(set, "story/lily");
        assertEquals("Lily went out", lily.promptText());
        assertEquals(0.5, lily.threshold());
        assertEquals(Map.of("area", "play"), lily.metadata());
        assertEquals("contains", lily.asserts().get(0).type());
        assertEquals("park", lily.asserts().get(0).value());
        assertEquals(List.of("ball", "tree"), lily.asserts().get(1).value());
        assertEquals(2, lily.asserts().get(0).line(), "an assertion from a row is at the row's line");
        PromptCase tom = byId(set, "story/case 2");
        assertEquals("not-icontains", tom.asserts().get(0).type());
        assertEquals(0.7, tom.asserts().get(0).threshold());
        assertEquals("javascript", tom.asserts().get(1).type());
        assertEquals("output.length > 3", tom.asserts().get(1).value());
        PromptCase exact = byId(set, "story/exact");
        assertEquals("equals", exact.asserts().get(0).type(), "a cell that names no type is the exact answer");
        assertEquals("similar", exact.asserts().get(1).type());
        assertEquals(0.8, exact.asserts().get(1).threshold());
    }

    @Test
    void csvMistakesNameTheFileRowAndColumn() throws Exception {
        Files.writeString(dir.resolve("cases.csv"), "hero,__expected\nLily,contains:park\nTom,rouge-n:x\n");
        String suite = """
                prompts:
                  - id: story
                    prompt: "{{hero}}"
                cases: file://cases.csv
                """;
        InputException unsupported = assertThrows(InputException.class, () -> load(suite));
        assertTrue(unsupported.getMessage().startsWith(dir.resolve("cases.csv") + ":3: field 'row 2.assert[0].type':"
                + " promptfoo's assertion type 'rouge-n' is not supported"), unsupported.getMessage());
        Files.writeString(dir.resolve("cases.csv"), "hero,__expectd\nLily,contains:park\n");
        InputException column = assertThrows(InputException.class, () -> load(suite));
        assertTrue(column.getMessage().startsWith(dir.resolve("cases.csv") + ":1: field '__expectd': unsupported"
                + " column"), column.getMessage());
    }

    @Test
    void jsonlCasesAndInlineCasesRunWithEveryPrompt() throws Exception {
        Files.writeString(dir.resolve("cases.jsonl"), """
                {"description": "lily", "vars": {"hero": "Lily"}, "assert": [{"type": "icontains", "value": "Lily"}]}

                {"vars": {"hero": ["Tom", "Ben"]}, "threshold": 0.5}
                """);
        PromptSet set = load("""
                prompts:
                  - id: a
                    prompt: "{{hero}} ran"
                  - id: b
                    prompt: "{{hero}} sat"
                cases:
                  - file://cases.jsonl
                  - description: inline
                    vars: {hero: Sue}
                """);
        assertEquals(List.of("a/lily", "a/case 2 [hero=Tom]", "a/case 2 [hero=Ben]", "a/inline", "b/lily",
                "b/case 2 [hero=Tom]", "b/case 2 [hero=Ben]", "b/inline"),
                set.prompts().stream().map(PromptCase::id).toList());
        assertEquals("Ben sat", byId(set, "b/case 2 [hero=Ben]").promptText());
        assertEquals(0.5, byId(set, "a/case 2 [hero=Tom]").threshold());
        Files.writeString(dir.resolve("cases.jsonl"), "{\"vars\": {\"hero\": \"x\"}, \"asert\": []}\n");
        InputException e = assertThrows(InputException.class, () -> load("""
                prompts:
                  - id: a
                    prompt: "{{hero}} ran"
                cases: file://cases.jsonl
                """));
        assertTrue(e.getMessage().startsWith(dir.resolve("cases.jsonl") + ":1: field 'asert': unknown field"),
                e.getMessage());
    }
}
