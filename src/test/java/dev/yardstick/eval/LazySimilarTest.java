package dev.yardstick.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedding model is loaded by the first similar assertion and never before: in a fresh JVM, a case without one
 * loads no ONNX Runtime or langchain4j embedding class, and a case with one loads the model (the probe prints what
 * that cost).
 */
class LazySimilarTest {

    @Test
    void aCaseWithoutSimilarLoadsNoEmbeddingModel() throws Exception {
        String out = LazyJavascriptTest.probe("plain");
        assertTrue(out.contains("embeddings-ms -1"), out);
        assertFalse(out.contains("ai.onnxruntime."), "no ONNX Runtime class loaded");
        assertFalse(out.contains("dev.langchain4j.model.embedding.onnx."), "no embedding model class loaded");
        assertTrue(out.contains("dev.yardstick.eval.CaseAssertions"), "the log does list loaded classes");
    }

    @Test
    void theFirstSimilarAssertionLoadsTheModel() throws Exception {
        String out = LazyJavascriptTest.probe("similar");
        assertTrue(out.contains("pass true"), out);
        assertTrue(out.contains("ai.onnxruntime.OrtSession "), "ONNX Runtime loaded");
        long loadMs = out.lines().filter(l -> l.startsWith("embeddings-ms ")).map(l -> Long.parseLong(l.substring(14)))
                .findFirst().orElseThrow();
        assertTrue(loadMs > 0, out);
        System.err.println("all-MiniLM-L6-v2 first use: " + List.of(out.lines().filter(l -> l.contains("-ms "))
                .toArray()));
    }
}
