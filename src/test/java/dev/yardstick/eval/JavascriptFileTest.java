package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.PromptSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promptfoo's {@code javascript: file://check.js}: a CommonJS module beside the file the assertion is written in,
 * whose export (or a function it names, {@code file://check.js:fnName}) is called with the answer and its context.
 * A file of the same name beside the suite fails every answer, so loading the wrong one shows.
 */
class JavascriptFileTest {

    @TempDir
    Path dir;
    private CasesFolder suite;

    @BeforeEach
    void folders() throws Exception {
        suite = new CasesFolder(dir);
        Files.writeString(dir.resolve("check.js"), "module.exports = () => false;\n");
    }

    private PromptSet suite(String script, String assertion) throws Exception {
        Files.writeString(suite.cases.resolve("check.js"), script);
        return suite.load("""
                - description: one
                  vars: {hero: Lily}
                  assert:
                %s- description: two
                  vars: {hero: Tom}
                """.formatted(assertion.indent(4)));
    }

    private static CaseResult graded(PromptSet set, String output) {
        return SuiteAssertions.of(set).grade("story/one", output, 3, 1_000_000L, null).orElseThrow();
    }

    private static AssertionResult only(PromptSet set, String output) {
        List<AssertionResult> results = graded(set, output).assertions();
        assertEquals(1, results.size(), results.toString());
        return results.getFirst();
    }

    @Test
    void theExportedFunctionJudgesTheAnswerWithItsContext() throws Exception {
        PromptSet set = suite("module.exports = (output, context) => output.includes(context.vars.hero);\n",
                "- type: javascript\n  value: file://check.js\n");
        assertTrue(graded(set, "Lily went out").pass(), "ran the suite folder's check.js instead");
        AssertionResult fails = only(set, "Tom went out");
        assertFalse(fails.pass());
        assertFalse(fails.error(), fails.toString());
    }

    @Test
    void aNamedFunctionMayReturnAScoreOrAGradingObject() throws Exception {
        String script = """
                function words(output) { return output.split(/\\s+/).length / 4; }
                exports.words = words;
                exports.graded = (output, context) =>
                    ({pass: output.length > 50, score: 0.25,
                      reason: 'case ' + context.case.id + ' of ' + context.vars.hero});
                """;
        PromptSet scored = suite(script, "- type: javascript\n  value: file://check.js:words\n  threshold: 0.75\n");
        assertTrue(graded(scored, "Lily went out today").pass());
        AssertionResult low = only(scored, "Lily went");
        assertFalse(low.pass());
        assertEquals(0.5, low.score(), 1e-9);
        AssertionResult graded = only(suite(script, "- type: javascript\n  value: file://check.js:graded\n"),
                "Lily went out");
        assertFalse(graded.pass(), graded.toString());
        assertFalse(graded.error(), graded.toString());
        assertEquals(0.25, graded.score(), 1e-9);
        assertEquals("case story/one of Lily", graded.reason());
    }

    @Test
    void theModuleRunsOnceAndItsFunctionIsCalledPerAnswer() throws Exception {
        PromptSet set = suite("""
                let loads = (globalThis.checkLoads || 0) + 1;
                globalThis.checkLoads = loads;
                let calls = 0;
                module.exports = () => ({pass: false, score: 0, reason: 'load ' + loads + ' call ' + (++calls)});
                """, "- type: javascript\n  value: file://check.js\n");
        String first = only(set, "x").reason();
        String second = only(set, "x").reason();
        assertTrue(first.matches("load \\d+ call \\d+"), first);
        assertEquals(first.replaceAll("call \\d+", ""), second.replaceAll("call \\d+", ""),
                "one load of the module for every check and call");
        int call = Integer.parseInt(first.replaceAll(".* call ", ""));
        assertEquals("call " + (call + 1), second.replaceAll("load \\d+ ", ""));
    }

    @Test
    void aThrowIsAnErrorNamingTheFileNeverAPass() throws Exception {
        AssertionResult thrown = only(suite("module.exports = (output) => { throw new Error('broken rubric'); };\n",
                "- type: javascript\n  value: file://check.js\n"), "x");
        assertTrue(thrown.error());
        assertFalse(thrown.pass());
        assertTrue(thrown.reason().startsWith("javascript check.js: ") && thrown.reason().contains("broken rubric"),
                thrown.reason());
    }

    @Test
    void anAsyncFunctionIsAwaitedAndItsRejectionIsAnError() throws Exception {
        PromptSet set = suite("""
                module.exports = async (output, context) => {
                    const hero = await Promise.resolve(context.vars.hero);
                    return {pass: output.includes(hero), score: 0.5, reason: 'awaited ' + hero};
                };
                """, "- type: javascript\n  value: file://check.js\n");
        assertTrue(graded(set, "Lily went out").pass());
        AssertionResult fails = only(set, "Tom went out");
        assertFalse(fails.pass());
        assertFalse(fails.error(), fails.toString());
        assertEquals("awaited Lily", fails.reason());
        AssertionResult rejected = only(suite("""
                module.exports = async () => { throw new Error('rubric offline'); };
                """, "- type: javascript\n  value: file://check.js\n"), "x");
        assertTrue(rejected.error());
        assertFalse(rejected.pass());
        assertTrue(rejected.reason().contains("rubric offline"), rejected.reason());
        AssertionResult pending = only(suite("module.exports = () => new Promise(() => {});\n",
                "- type: javascript\n  value: file://check.js\n"), "x");
        assertTrue(pending.error());
        assertTrue(pending.reason().contains("did not settle"), pending.reason());
    }

    @Test
    void aRunawayFunctionIsStoppedAtItsTimeout() throws Exception {
        AssertionResult stopped = only(suite("module.exports = () => { while (true) {} };\n",
                "- type: javascript\n  value: file://check.js\n  config: {timeout: 200ms}\n"), "x");
        assertTrue(stopped.error());
        assertEquals("javascript check.js: took longer than 200 ms", stopped.reason());
    }

    private void refused(String script, String assertion, String problem) {
        InputException e = assertThrows(InputException.class, () -> suite(script, assertion));
        assertTrue(e.getMessage().startsWith(suite.casesFile() + ":4: field '[0].assert[0].value': "
                + problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void whatCannotRunIsRefusedAtLoadNamingTheFile() throws Exception {
        String ok = "module.exports = {yes: () => true, answer: 42};\n";
        refused(ok, "- type: javascript\n  value: file://check.js:nope\n",
                "javascript check.js:nope: exports no function 'nope'");
        refused(ok, "- type: javascript\n  value: file://check.js:answer\n",
                "javascript check.js:answer: exports no function 'answer'");
        refused(ok, "- type: javascript\n  value: file://check.js\n",
                "javascript check.js: module.exports is not a function (nor is its default)");
        refused("module.exports = (output) => {\n  return output.includes(;\n};\n",
                "- type: javascript\n  value: file://check.js\n", "javascript check.js: SyntaxError: check.js:2");
        refused("while (true) {}\n", "- type: javascript\n  value: file://check.js\n  config: {timeout: 200ms}\n",
                "javascript check.js: took longer than 200 ms");
        refused(ok, "- type: javascript\n  value: file://absent.js\n",
                "file not found: " + suite.cases.resolve("absent.js"));
    }

    @Test
    void aDefaultExportIsTheFunctionWhenTheModuleIsNotOne() throws Exception {
        PromptSet set = suite("module.exports = {default: (output) => output.startsWith('Lily')};\n",
                "- type: javascript\n  value: file://check.js\n");
        assertTrue(graded(set, "Lily went out").pass());
        assertFalse(graded(set, "Tom went out").pass());
    }
}
