package dev.yardstick.provider;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;

/**
 * One opened model: the langchain4j streaming model every request goes through, the tokenizer that counts its
 * tokens, and what is known about its limits. Opened once per run and closed at the end (a local model holds
 * native memory until then).
 */
public interface ModelClient extends AutoCloseable {

    ModelSpec spec();

    StreamingChatModel chatModel();

    TokenCounter tokenCounter();

    /** The model's context window in tokens, where known. */
    OptionalInt contextWindow();

    /** True for synthetic models (mock): their figures are never presented as a real model's. */
    default boolean synthetic() {
        return false;
    }

    /**
     * How many requests this model can serve at once in this process: in-process models (one llama.cpp context)
     * take one at a time; remote ones as many as the run allows.
     */
    default int maxConcurrency() {
        return Integer.MAX_VALUE;
    }

    /**
     * How to run this model's client path once, off the clock and at no cost, before its first measured request.
     * Called once per run, on a thread of its own; the engine closes what it returns.
     */
    default ClientWarmup clientWarmup() {
        return ClientWarmup.NONE;
    }

    /**
     * Threads that wait for this model's answers at no hand-off cost, or null for the engine's virtual threads: a
     * model whose streams the HTTP event loop decodes offers virtual threads carried by the loop's own thread, so an
     * answer's end resumes its caller where it was decoded. Every blocking call such a thread makes must unmount it
     * (socket I/O, sleeps, locks); a model that computes on the caller's thread (in-process) must return null.
     */
    default ThreadFactory workerThreads() {
        return null;
    }

    /** This client seen through another chat model; closing the view releases nothing. */
    default ModelClient withChatModel(StreamingChatModel model) {
        return new ChatModelView(this, model);
    }

    /** Releases what the model holds. Never throws. */
    @Override
    default void close() {
    }
}
