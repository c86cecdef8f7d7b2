package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GraalJS is loaded by the first javascript assertion and never before: in a fresh JVM, a case without one loads
 * no polyglot class, and a case with one builds the engine (the probe prints what that cost).
 */
class LazyJavascriptTest {

    static String probe(String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), GraalJsProbe.class.getName(), mode)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    @Test
    void aCaseWithoutJavascriptLoadsNoPolyglotClass() throws Exception {
        String out = probe("plain");
        assertTrue(out.contains("pass true"), out);
        assertTrue(out.contains("engine-ms -1"), out);
        assertFalse(out.contains("org.graalvm.polyglot."), "no GraalJS class loaded");
        assertTrue(out.contains("dev.yardstick.eval.CaseAssertions"), "the log does list loaded classes");
    }

    @Test
    void theFirstJavascriptAssertionBuildsTheEngine() throws Exception {
        String out = probe("javascript");
        assertTrue(out.contains("pass true"), out);
        assertTrue(out.contains("org.graalvm.polyglot.Engine "), "GraalJS loaded");
        long engineMs = out.lines().filter(l -> l.startsWith("engine-ms ")).map(l -> Long.parseLong(l.substring(10)))
                .findFirst().orElseThrow();
        assertTrue(engineMs > 0, out);
        System.err.println("GraalJS first use: " + List.of(out.lines().filter(l -> l.contains("-ms ")).toArray()));
    }
}
