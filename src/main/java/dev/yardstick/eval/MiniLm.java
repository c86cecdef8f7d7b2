package dev.yardstick.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

/**
 * The in-process sentence embedding model for {@code similar} assertions: all-MiniLM-L6-v2, quantized, run by ONNX
 * Runtime from the jar. Built by the first similar assertion a suite holds (the holder class below is initialised
 * on first use, once per JVM, and the JVM makes that thread-safe), so a run without one never loads the model; see
 * the README for what that first use costs. The ONNX session may be called from many threads at once.
 */
final class MiniLm {

    private static final String QUIET_GPU_PROBE = "org.slf4j.simpleLogger.log.ai.djl.util.cuda";

    private final EmbeddingModel model;

    private static final class Holder {
        static final MiniLm INSTANCE = new MiniLm();
    }

    private MiniLm() {
        long started = System.nanoTime();
        // DJL's tokenizer probes for a GPU and warns on every CPU-only machine; the model runs on the CPU anyway.
        if (System.getProperty(QUIET_GPU_PROBE) == null) {
            System.setProperty(QUIET_GPU_PROBE, "error");
        }
        model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        model.embed("warm up");
        EngineStarts.embeddings(System.nanoTime() - started);
    }

    static MiniLm get() {
        return Holder.INSTANCE;
    }

    Embedding embed(String text) {
        return model.embed(text).content();
    }

    /** The cosine of the angle between two texts' embeddings: 1 for the same meaning, near 0 for unrelated ones. */
    static double cosine(Embedding a, Embedding b) {
        return CosineSimilarity.between(a, b);
    }
}
