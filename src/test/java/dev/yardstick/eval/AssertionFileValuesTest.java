package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.PromptLoader;
import dev.yardstick.config.PromptSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An assertion value written as {@code file://NAME} is that file's content, as promptfoo reads it (a text file its
 * text, JSON and YAML data), read beside the file the assertion is written in; before, the answer was compared with
 * the words "file://NAME" and every case failed. Files of the same names beside the suite hold what the answer does
 * not contain, so reading the wrong folder shows.
 */
class AssertionFileValuesTest {

    private static final String ANSWER = "Lily found a red ball in the park.";

    @TempDir
    Path dir;
    private CasesFolder suite;
    private Path cases;

    @BeforeEach
    void folders() throws Exception {
        suite = new CasesFolder(dir);
        cases = suite.cases;
        Files.writeString(cases.resolve("expected.txt"), "red ball\n");
        Files.writeString(cases.resolve("answer.txt"), ANSWER + "\n");
        Files.writeString(cases.resolve("words.json"), "[\"kite\", \"park\"]\n");
        Files.writeString(cases.resolve("words.yaml"), "- Lily\n- park\n");
        Files.writeString(cases.resolve("pattern.txt"), "red \\w+ in\n");
        for (String decoy : new String[] {"expected.txt", "answer.txt", "pattern.txt"}) {
            Files.writeString(dir.resolve(decoy), "zebra\n");
        }
        Files.writeString(dir.resolve("words.json"), "[\"zebra\"]\n");
    }

    private PromptSet suite(String assertions) throws Exception {
        return suite.load("""
                - description: from files
                  vars: {hero: Lily}
                  assert:
                %s""".formatted(assertions.indent(4)));
    }

    private static CaseResult graded(PromptSet set, String output) {
        String id = set.prompts().getFirst().id();
        return SuiteAssertions.of(set).grade(id, output, 9, 1_000_000L, null).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"contains, expected.txt", "icontains, expected.txt", "equals, answer.txt", "starts-with, answer.txt",
        "regex, pattern.txt", "icontains-any, words.json", "contains-all, words.yaml", "levenshtein, answer.txt"})
    void aValueFromAFileIsItsContentReadBesideTheAssertion(String type, String file) throws Exception {
        PromptSet set = suite("- type: %s\n  value: file://%s\n".formatted(type, file));
        CaseResult right = graded(set, ANSWER);
        assertTrue(right.pass(), type + " against " + file + ": " + right.assertions());
        CaseResult wrong = graded(set, "Tom flew a plane.".repeat(3));
        assertFalse(wrong.pass(), "the file's content decides, not any answer: " + wrong.assertions());
    }

    @Test
    void aJsonSchemaFromAFileIsData() throws Exception {
        Files.writeString(cases.resolve("schema.json"), """
                {"type": "object", "required": ["colour"], "properties": {"colour": {"type": "string"}}}
                """);
        PromptSet set = suite("- type: json-schema\n  value: file://schema.json\n");
        assertTrue(graded(set, "{\"colour\": \"red\"}").pass());
        CaseResult missing = graded(set, "{\"size\": 3}");
        assertFalse(missing.pass());
        assertFalse(missing.assertions().getFirst().error(), "a verdict, not an error: " + missing.assertions());
    }

    @Test
    void theNotFormAndAnAssertSetsChildrenReadTheirFilesToo() throws Exception {
        PromptSet set = suite("""
                - type: not-icontains
                  value: file://expected.txt
                - type: assert-set
                  assert:
                    - type: icontains-any
                      value: file://words.json
                """);
        CaseResult result = graded(set, "Tom flew a kite.");
        assertTrue(result.pass(), result.assertions().toString());
        assertFalse(graded(set, ANSWER).pass());
    }

    @Test
    void aListsFileItemsAreEachTheirFilesContent() throws Exception {
        // promptfoo dereferences every file:// it finds: a literal item stays, a file item is the file's text.
        PromptSet any = suite("- type: icontains-any\n  value: [zebra, file://expected.txt]\n");
        assertTrue(graded(any, ANSWER).pass(), "the file item's text matched");
        assertFalse(graded(any, "Tom flew a plane.").pass(), "neither the literal nor the file's text is in it");
        PromptSet all = suite("- type: contains-all\n  value: [Lily, file://expected.txt]\n");
        assertTrue(graded(all, ANSWER).pass());
        CaseResult half = graded(all, "Lily found a blue kite.");
        assertFalse(half.pass(), "the file item is required too, as its text: " + half.assertions());
    }

    @Test
    void aMissingFileItemOfAListNamesItsIndex() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> suite("- type: contains-any\n  value: [park, file://absent.txt]\n"));
        assertEquals(suite.casesFile() + ":4: field '[0].assert[0].value[1]': file not found: "
                + cases.resolve("absent.txt"), e.getMessage());
    }

    @Test
    void aMissingValueFileIsOneLineNamingTheFileTheLineAndThePathTried() throws Exception {
        InputException e = assertThrows(InputException.class, () -> suite("""
                - type: contains
                  value: park
                - type: icontains
                  value: file://absent.txt
                """));
        assertEquals(suite.casesFile() + ":6: field '[0].assert[1].value': file not found: "
                + cases.resolve("absent.txt"), e.getMessage());
    }

    @Test
    void anUnreadableOrMalformedValueFileIsRefusedAtLoadNamingIt() throws Exception {
        Files.write(cases.resolve("binary.txt"), new byte[] {'a', 0, 'b'});
        InputException binary = assertThrows(InputException.class,
                () -> suite("- type: contains\n  value: file://binary.txt\n"));
        assertTrue(binary.getMessage().startsWith(suite.casesFile() + ":4: field '[0].assert[0].value': "
                + cases.resolve("binary.txt") + ":1: a NUL byte"), binary.getMessage());
        Files.writeString(cases.resolve("broken.json"), "[\"kite\",\n");
        InputException broken = assertThrows(InputException.class,
                () -> suite("- type: contains-any\n  value: file://broken.json\n"));
        assertTrue(broken.getMessage().startsWith(suite.casesFile() + ":4: field '[0].assert[0].value': "
                + cases.resolve("broken.json")), broken.getMessage());
        assertEquals(1, broken.getMessage().lines().count(), broken.getMessage());
    }

    @Test
    void aScriptGivenWhereAValueIsExpectedIsRefusedRatherThanComparedAsText() throws Exception {
        Files.writeString(cases.resolve("value.js"), "module.exports = 'park';\n");
        InputException e = assertThrows(InputException.class,
                () -> suite("- type: contains\n  value: file://value.js\n"));
        assertTrue(e.getMessage().startsWith(suite.casesFile() + ":4: field '[0].assert[0].value': a value"
                + " computed by code (value.js) is not supported"), e.getMessage());
    }

    @Test
    void aCsvExpectedColumnReadsItsFileBesideTheCsv() throws Exception {
        Files.writeString(cases.resolve("rows.csv"), """
                __description,hero,__expected
                from files,Lily,icontains:file://expected.txt
                """);
        PromptSet set = PromptLoader.load(Files.writeString(dir.resolve("suite.yaml"), """
                prompts: [{id: story, prompt: "{{hero}} went out"}]
                cases: file://cases/rows.csv
                """), AssertionTypes::check);
        assertTrue(graded(set, ANSWER).pass());
        assertFalse(graded(set, "zebra").pass());
    }
}
