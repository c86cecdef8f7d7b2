package dev.yardstick.provider.local;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.yardstick.provider.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One GGUF file loaded into llama.cpp with one context (one slot): the native model, what its header says, and the
 * locks that keep it safe to share.
 *
 * <p>Generations take turns, first come first served: one context decodes one sequence at a time, and queueing
 * here (rather than inside llama.cpp) lets a waiting request be interrupted. Tokenizing needs only the vocabulary,
 * so it runs beside a generation. Closing waits for both to finish: freeing the native model under a running call
 * would crash the JVM.
 */
final class LoadedModel {

    /**
     * Contexts larger than this are not allocated even when the model was trained for more: a 128K-token KV cache
     * of a mid-sized model takes tens of GB. Benchmarks here use short prompts; the cap keeps loading predictable.
     */
    static final int MAX_CONTEXT = 8192;
    /** llama.cpp's own default, for files whose header lacks a context length. */
    private static final int FALLBACK_CONTEXT = 4096;
    /**
     * Below this size a model runs on one thread. Its per-token work is microseconds, so handing it to several
     * threads costs more in synchronisation than it gains, and a busy-waiting thread descheduled by another
     * process stalls the rest: stories260K measured about 6,000 tokens/s on one thread against 700 on two (2-core
     * machine under load), and its load with warm-up sometimes took 1.6 s instead of 20 ms.
     */
    static final long SMALL_MODEL_BYTES = 64L << 20;

    private final Path file;
    private final GgufMetadata metadata;
    private final int contextSize;
    private final LlamaModel llama;
    private final Duration loadTime;
    private final ReentrantLock turns = new ReentrantLock(true);
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private LoadedModel(Path file, GgufMetadata metadata, int contextSize, LlamaModel llama, Duration loadTime) {
        this.file = file;
        this.metadata = metadata;
        this.contextSize = contextSize;
        this.llama = llama;
        this.loadTime = loadTime;
    }

    /** Reads the header, then loads the file into llama.cpp: a file that is not GGUF fails before native code. */
    static LoadedModel load(Path file) {
        GgufMetadata metadata = GgufMetadata.read(file);
        int contextSize = Math.min(metadata.contextLength().orElse(FALLBACK_CONTEXT), MAX_CONTEXT);
        NativeLlama.ensureLoaded();
        ModelParameters parameters = new ModelParameters()
                .setModel(file.toString())
                .setCtxSize(contextSize)
                .setParallel(1)
                // Never drop the start of a conversation silently: prompts are checked against the context instead.
                .disableContextShift();
        if (!NativeLlama.verbose()) {
            parameters.disableLog();
        }
        if (sizeOf(file) < SMALL_MODEL_BYTES) {
            parameters.setThreads(1).setThreadsBatch(1);
        }
        long start = System.nanoTime();
        try {
            LlamaModel llama = new LlamaModel(parameters);
            return new LoadedModel(file, metadata, contextSize, llama, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) { // LlamaException is not public
            throw new ProviderException("llama.cpp could not load " + file + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE; // llama.cpp's thread defaults, and its own error about the file
        }
    }

    Path file() {
        return file;
    }

    GgufMetadata metadata() {
        return metadata;
    }

    /** The context llama.cpp was given, in tokens: prompt and output together must fit in it. */
    int contextSize() {
        return contextSize;
    }

    Duration loadTime() {
        return loadTime;
    }

    /** The token ids of {@code text}, without the BOS/EOS llama.cpp adds around a prompt. */
    int[] encode(String text) {
        return whileOpen(() -> llama.encode(text));
    }

    /** How many tokens llama.cpp evaluates for this prompt: its tokens plus the BOS/EOS the vocabulary adds. */
    int promptTokens(String prompt) {
        return encode(prompt).length + (metadata.addsBos() ? 1 : 0) + (metadata.addsEos() ? 1 : 0);
    }

    /** The model's chat template applied to the messages, ending with the assistant's turn opened. */
    String applyTemplate(String system, List<Pair<String, String>> turns) {
        InferenceParameters parameters = new InferenceParameters("").setMessages(system, turns);
        return whileOpen(() -> llama.applyTemplate(parameters));
    }

    /**
     * The lock a generation holds from its request to its last token; taken fairly, so requests are served in
     * arrival order.
     */
    Lock turns() {
        return turns;
    }

    /** Starts a streamed generation; call only while holding {@link #turns()}, and finish or cancel it. */
    LlamaIterator generate(InferenceParameters parameters) {
        return whileOpen(() -> llama.generate(parameters).iterator());
    }

    /** Runs a call on the native model, unless it was closed (then a clear error instead of a crash). */
    <T> T whileOpen(Supplier<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the local model " + file.getFileName() + " was closed");
            }
            return call.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    boolean isClosed() {
        lifecycle.readLock().lock();
        try {
            return closed;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Frees the native model once any running generation and tokenization have finished; idempotent. */
    void close() {
        turns.lock();
        try {
            lifecycle.writeLock().lock();
            try {
                if (!closed) {
                    closed = true;
                    llama.close();
                }
            } finally {
                lifecycle.writeLock().unlock();
            }
        } finally {
            turns.unlock();
        }
    }
}
