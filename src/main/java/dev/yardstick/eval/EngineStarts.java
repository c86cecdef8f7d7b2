package dev.yardstick.eval;

/**
 * How long the engines that assertions load on first use took to start, kept apart from them so that asking does
 * not load them.
 */
final class EngineStarts {

    private static volatile long javascriptNanos = -1;
    private static volatile long embeddingsNanos = -1;

    private EngineStarts() {
    }

    static void javascript(long nanos) {
        javascriptNanos = nanos;
    }

    /** How long building GraalJS took, -1 while no javascript assertion has been compiled in this JVM. */
    static long javascriptNanos() {
        return javascriptNanos;
    }

    static void embeddings(long nanos) {
        embeddingsNanos = nanos;
    }

    /** How long loading the embedding model took, -1 while no similar assertion has been compiled in this JVM. */
    static long embeddingsNanos() {
        return embeddingsNanos;
    }
}
