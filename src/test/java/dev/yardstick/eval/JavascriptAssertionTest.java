package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** javascript assertions in GraalJS: expressions, function bodies, scores, objects, throws and runaway scripts. */
class JavascriptAssertionTest {

    private static Grade js(String code, Double threshold, String output) {
        return Grading.grade(AssertionSpec.of("javascript", code, threshold), Grading.answer(output));
    }

    @Test
    void anExpressionOverOutputReturnsTrueOrFalse() {
        assertTrue(js("output.includes('Hello')", null, "Hello, World!").pass());
        Grade no = js("output.includes('Hello')", null, "Goodbye");
        assertFalse(no.pass());
        assertEquals(0.0, no.score());
        assertEquals("returned false", no.reason());
        assertFalse(js("output.includes('Hello')", null, "Hello").error());
    }

    @Test
    void aNumberIsTheScoreAndTheThresholdDecides() {
        assertEquals(0.4, js("output.length / 10", 0.3, "four").score(), 1e-12);
        assertTrue(js("output.length / 10", 0.3, "four").pass());
        Grade low = js("output.length / 10", 0.5, "four");
        assertFalse(low.pass());
        assertEquals("score 0.4 < threshold 0.5", low.reason());
        assertFalse(js("0", null, "x").pass(), "without a threshold a score passes above 0");
    }

    @Test
    void aFunctionBodySeesTheContextAndMayReturnAGradingObject() {
        String body = """
                const words = output.split(/\\s+/);
                if (words.includes(context.vars.name)) {
                  return { pass: true, score: 0.9, reason: 'names ' + context.vars.name };
                }
                return { pass: false, score: 0.1, reason: 'does not name ' + context.vars.name + ' in ' + context.case.id };
                """;
        Grade yes = js(body, null, "Lily ran");
        assertTrue(yes.pass());
        assertEquals(0.9, yes.score(), 1e-12);
        Grade no = js(body, null, "Tom ran");
        assertFalse(no.pass());
        assertEquals("does not name Lily in case-1", no.reason());
        assertTrue(js("context.latencyMs === 250 && context.outputTokens === 12 && context.prompt === 'Say hello'",
                null, "x").pass());
    }

    @Test
    void aThrowOrANonsenseResultIsAnErrorNeverAPass() {
        Grade thrown = js("if (output === 'x') {\n  throw new Error('broken rubric');\n}\nreturn true;", null, "x");
        assertTrue(thrown.error());
        assertFalse(thrown.pass());
        assertTrue(thrown.reason().contains("broken rubric"), thrown.reason());
        Grade text = js("'yes'", null, "x");
        assertTrue(text.error(), text.reason());
        assertTrue(js("undefined", null, "x").error());
        assertTrue(js("({score: 'high'})", null, "x").error());
    }

    @Test
    void aSyntaxErrorIsRejectedBeforeAnythingRuns() {
        FieldException e = assertThrows(FieldException.class, () -> js("output.includes(", null, "x"));
        assertEquals("value", e.field());
        assertTrue(e.problem().startsWith("javascript: "), e.problem());
    }

    @Test
    void aRunawayScriptIsStoppedAtItsTimeoutAndTheEngineStaysUsable() {
        AssertionSpec loop = new AssertionSpec("javascript", "while (true) {}\nreturn true;", null, null, null,
                Map.of("timeout", "300ms"), 0);
        long started = System.nanoTime();
        Grade stopped = Grading.grade(loop, Grading.answer("x"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(stopped.error());
        assertEquals("javascript: took longer than 300 ms", stopped.reason());
        assertTrue(tookMs >= 300, "not before its timeout: " + tookMs + " ms");
        assertTrue(tookMs < 10_000, "stopped: " + tookMs + " ms");
        assertTrue(js("output === 'still here'", null, "still here").pass());
    }

    @Test
    void theNotFormInvertsTheVerdict() {
        assertTrue(Grading.grade(AssertionSpec.of("not-javascript", "output.length > 3", null),
                Grading.answer("ab")).pass());
        assertFalse(Grading.grade(AssertionSpec.of("not-javascript", "output.length > 3", null),
                Grading.answer("abcd")).pass());
    }
}
