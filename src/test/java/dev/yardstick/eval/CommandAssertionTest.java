package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** command and python assertions: real programs reading the answer's JSON on stdin and printing a verdict. */
class CommandAssertionTest {

    @TempDir
    Path dir;

    private Grade run(String type, Object value, Double threshold, Map<String, Object> config, String output) {
        AssertionSpec spec = new AssertionSpec(type, value, threshold, null, null, config, 0);
        return AssertionTypes.compile(spec, dir).grade(Grading.answer(output));
    }

    @Test
    void aPrintedScoreIsJudgedAgainstTheThreshold() {
        assertTrue(run("command", "echo 0.8", 0.5, null, "x").pass());
        Grade low = run("command", "echo 0.2", 0.5, null, "x");
        assertFalse(low.pass());
        assertFalse(low.error());
        assertEquals(0.2, low.score(), 1e-12);
        assertTrue(run("command", List.of("echo", "true"), null, null, "x").pass());
        assertFalse(run("command", List.of("echo", "false"), null, null, "x").pass());
    }

    @Test
    void theProgramReadsTheAnswerVarsAndCaseOnStdin() throws Exception {
        Path script = dir.resolve("judge.sh");
        Files.writeString(script, """
                input=$(cat)
                case "$input" in
                  *'"output":"Lily went to the park"'*'"vars":{"name":"Lily"}'*'"id":"case-1"'*)
                    echo '{"pass": true, "score": 1, "reason": "saw it all"}' ;;
                  *) echo "{\\"pass\\": false, \\"score\\": 0, \\"reason\\": \\"unexpected input\\"}" ;;
                esac
                """);
        assertTrue(run("command", "sh judge.sh", null, null, "Lily went to the park").pass(),
                "runs in the suite's folder and reads the JSON");
        Grade other = run("command", "sh judge.sh", null, null, "something else");
        assertFalse(other.pass());
        assertEquals("unexpected input", other.reason());
    }

    @Test
    void aNonZeroExitOrNonsenseOrSilenceIsAnErrorNeverAPass() {
        Grade exit = run("command", "echo 1; echo 'no model here' >&2; exit 3", null, null, "x");
        assertTrue(exit.error());
        assertFalse(exit.pass());
        assertEquals("echo 1; echo 'no model here' >&2; exit 3: exited with 3: no model here", exit.reason());
        assertTrue(run("command", "echo maybe", null, null, "x").error());
        assertTrue(run("command", "true", null, null, "x").error());
        assertTrue(run("command", List.of("/no/such/program"), null, null, "x").error());
    }

    @Test
    void aProgramPastItsTimeoutIsKilledAndIsAnError() {
        long started = System.nanoTime();
        Grade slow = run("command", "sleep 20; echo 1", null, Map.of("timeout", "400ms"), "x");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(slow.error());
        assertTrue(slow.reason().endsWith("took longer than 400 ms"), slow.reason());
        assertTrue(tookMs >= 400 && tookMs < 15_000, tookMs + " ms");
    }

    @Test
    void pythonInlineIsAnExpressionOrABodyOverOutputAndContext() {
        assertTrue(run("python", "'park' in output", null, null, "the park").pass());
        assertFalse(run("python", "'park' in output", null, null, "the zoo").pass());
        String body = """
                if context['vars']['name'] in output:
                    return {'pass': True, 'score': 0.75, 'reason': 'named'}
                return len(output) / 100
                """;
        Grade named = run("python", body, null, null, "Lily ran");
        assertTrue(named.pass());
        assertEquals(0.75, named.score(), 1e-12);
        Grade scored = run("python", body, 0.5, null, "Tom ran");
        assertEquals(0.07, scored.score(), 1e-12);
        assertFalse(scored.pass());
        Grade raised = run("python", "1 / 0", null, null, "x");
        assertTrue(raised.error());
        assertTrue(raised.reason().contains("ZeroDivisionError"), raised.reason());
    }

    @Test
    void pythonFromAFileNextToTheSuite() throws Exception {
        Files.writeString(dir.resolve("score.py"), """
                import json, sys
                answer = json.load(sys.stdin)
                print(len(answer['output'].split()) / 10)
                """);
        Grade grade = run("python", "file://score.py", 0.3, null, "one two three four");
        assertTrue(grade.pass());
        assertEquals(0.4, grade.score(), 1e-12);
        FieldException missing = assertThrows(FieldException.class,
                () -> run("python", "file://absent.py", null, null, "x"));
        assertEquals("file not found: " + dir.toAbsolutePath().resolve("absent.py"), missing.problem(),
                "the same words as any file:// reference");
    }

    @Test
    void aPythonFileNamedWithoutAFunctionHasItsGetAssertCalledAsPromptfooDoes() throws Exception {
        Files.writeString(dir.resolve("check.py"), """
                def words(text):
                    return len(text.split())

                def get_assert(output, context):
                    return {'pass': words(output) >= 3, 'score': words(output) / 10, 'reason': context['vars']['name']}
                """);
        Grade three = run("python", "file://check.py", null, null, "one two three");
        assertFalse(three.error(), three.reason());
        assertTrue(three.pass());
        assertEquals(0.3, three.score(), 1e-12);
        Grade two = run("python", "file://check.py", null, null, "one two");
        assertFalse(two.pass());
        assertEquals("Lily", two.reason(), "called with the answer's context");
        // A get_assert that is only a method or a nested function is not the module's: the file runs as a program.
        Files.writeString(dir.resolve("program.py"), """
                import json, sys
                class Rubric:
                    def get_assert(self, output, context):
                        return False
                answer = json.load(sys.stdin)
                print(json.dumps('three' in answer['output']))
                """);
        assertTrue(run("python", "file://program.py", null, null, "one two three").pass());
        // A script in Latin-1 is python's to read: looking for get_assert must not refuse it as bad UTF-8.
        Files.write(dir.resolve("latin.py"), ("# -*- coding: latin-1 -*-\n# caf\u00e9\n"
                + "def get_assert(output, context):\n    return 'three' in output\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(run("python", "file://latin.py", null, null, "one two three").pass());
    }

    @Test
    void aNamedFunctionOfAPythonFileIsCalledWithTheAnswerAndItsContext() throws Exception {
        Files.writeString(dir.resolve("rubric.py"), """
                import helper

                def get_assert(output, context):
                    return helper.words(output) >= 3

                def graded(output, context):
                    hero = context['vars']['name']
                    return {'pass': False, 'score': helper.words(output) / 10, 'reason': 'for ' + hero}
                """);
        Files.writeString(dir.resolve("helper.py"), "def words(text):\n    return len(text.split())\n");
        assertTrue(run("python", "file://rubric.py:get_assert", null, null, "one two three").pass(),
                "the function, importing a module beside its file");
        assertFalse(run("python", "file://rubric.py:get_assert", null, null, "one two").pass());
        Grade graded = run("python", "file://rubric.py:graded", null, null, "one two three four");
        assertFalse(graded.error(), graded.reason());
        assertEquals(0.4, graded.score(), 1e-12);
        assertEquals("for Lily", graded.reason());
        Grade absent = run("python", "file://rubric.py:nope", null, null, "x");
        assertTrue(absent.error());
        assertTrue(absent.reason().startsWith("rubric.py:nope: exited with 1: AttributeError")
                && absent.reason().contains("nope"), absent.reason());
        FieldException missing = assertThrows(FieldException.class,
                () -> run("python", "file://absent.py:get_assert", null, null, "x"));
        assertEquals("file not found: " + dir.toAbsolutePath().resolve("absent.py"), missing.problem());
    }
}
