package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.PromptLoader;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.promptfoo.PromptfooReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a cases file in another folder than its suite names resolves against the cases file, as every
 * {@code file://} reference does: its python scripts, the folder its commands run in, its var files. A script of the
 * same name beside the suite is a decoy that fails every answer, so running it instead shows.
 */
class CaseFileReferencesTest {

    private static final String PASSES = "import sys; sys.stdin.read(); print('true')\n";
    private static final String FAILS = "import sys; sys.stdin.read(); print('false')\n";

    @TempDir
    Path dir;
    private Path cases;

    @BeforeEach
    void folders() throws Exception {
        cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(dir.resolve("score.py"), FAILS);
        Files.writeString(cases.resolve("score.py"), PASSES);
        Files.writeString(dir.resolve("judge.sh"), "cat > /dev/null; echo false\n");
        Files.writeString(cases.resolve("judge.sh"), "cat > /dev/null; echo true\n");
        Files.writeString(dir.resolve("check.js"), "module.exports = () => false;\n");
        Files.writeString(cases.resolve("check.js"), "module.exports = (output) => output.endsWith('out');\n");
        Files.writeString(dir.resolve("rubric.py"), "def get_assert(output, context):\n    return False\n");
        Files.writeString(cases.resolve("rubric.py"), "def get_assert(output, context):\n    return True\n");
    }

    private PromptSet suite(String casesRef) throws Exception {
        return PromptLoader.load(Files.writeString(dir.resolve("suite.yaml"), """
                prompts:
                  - id: story
                    prompt: "{{hero}} went out"
                cases: %s
                """.formatted(casesRef)), AssertionTypes::check);
    }

    /** A cases file beside the scripts in {@code cases/}, of one case "scripted" with one assertion. */
    private void oneCase(String file, String type, String value) throws Exception {
        Files.writeString(cases.resolve(file), """
                - description: scripted
                  vars: {hero: Lily}
                  assert:
                    - type: %s
                      value: %s
                """.formatted(type, value));
    }

    private static CaseResult graded(PromptSet set, String caseId) {
        return SuiteAssertions.of(set).grade(caseId, "Lily went out", 3, 1_000_000L, null).orElseThrow();
    }

    /** The suite's case "scripted" from {@code casesRef} passes: only what stands beside the cases file passes. */
    private void passesFrom(String casesRef, String otherwise) throws Exception {
        CaseResult result = graded(suite(casesRef), "story/scripted");
        assertTrue(result.pass(), otherwise + ": " + result.assertions());
    }

    /**
     * A python or javascript script (or a function of one) is resolved beside the cases file; a command runs in its
     * folder (and finds judge.sh there).
     */
    @ParameterizedTest
    @CsvSource({"python, file://score.py", "python, file://rubric.py:get_assert", "javascript, file://check.js",
        "command, sh judge.sh"})
    void whatAYamlCasesFileNamesRunsBesideIt(String type, String value) throws Exception {
        oneCase("more.yaml", type, value);
        passesFrom("file://cases/more.yaml", "ran beside the suite instead");
    }

    @Test
    void aPythonScriptNamedInACsvCasesFileIsTheOneBesideIt() throws Exception {
        Files.writeString(cases.resolve("rows.csv"), """
                __description,hero,__expected
                scripted,Lily,python:file://score.py
                """);
        passesFrom("file://cases/rows.csv", "ran the suite folder's script instead");
    }

    @Test
    void theSuitesOwnScriptsStillResolveBesideTheSuite() throws Exception {
        Files.writeString(cases.resolve("more.yaml"), """
                - description: scripted
                  vars: {hero: Lily}
                """);
        PromptSet set = PromptLoader.load(Files.writeString(dir.resolve("suite.yaml"), """
                defaults:
                  assert:
                    - type: python
                      value: file://score.py
                prompts:
                  - id: story
                    prompt: "{{hero}} went out"
                cases: file://cases/more.yaml
                """), AssertionTypes::check);
        CaseResult result = graded(set, "story/scripted");
        assertFalse(result.pass(), "the defaults' script is the suite folder's (the failing one): "
                + result.assertions());
        assertFalse(result.assertions().getFirst().error(), result.assertions().toString());
    }

    @Test
    void aVarFileNamedInACasesFileIsTheOneBesideIt() throws Exception {
        Files.writeString(dir.resolve("hero.txt"), "Tom\n");
        Files.writeString(cases.resolve("hero.txt"), "Lily\n");
        Files.writeString(cases.resolve("more.yaml"), """
                - description: from a file
                  vars: {hero: file://hero.txt}
                """);
        assertEquals("Lily went out", suite("file://cases/more.yaml").prompts().getFirst().promptText());
    }

    @Test
    void aMissingScriptIsOneLineNamingTheCasesFileAndThePathTried() throws Exception {
        oneCase("more.yaml", "python", "file://absent.py");
        InputException e = assertThrows(InputException.class, () -> suite("file://cases/more.yaml"));
        assertEquals(cases.resolve("more.yaml") + ":4: field '[0].assert[0].value': file not found: "
                + cases.resolve("absent.py"), e.getMessage());
    }

    @Test
    void aPromptfooTestsFileInAnotherFolderRunsItsOwnScript() throws Exception {
        oneCase("tests.yaml", "python", "file://score.py");
        Path config = Files.writeString(dir.resolve("promptfooconfig.yaml"), """
                prompts: ["{{hero}} went out"]
                providers: [mock/fast]
                tests: file://cases/tests.yaml
                """);
        PromptSet set = PromptfooReader.read(config, AssertionTypes::check).prompts();
        CaseResult result = graded(set, "scripted");
        assertTrue(result.pass(), "ran the config folder's script instead: " + result.assertions());
    }
}
