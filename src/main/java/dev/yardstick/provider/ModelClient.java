package dev.yardstick.provider;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import java.util.OptionalInt;

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

    /** This client seen through another chat model; closing the view releases nothing. */
    default ModelClient withChatModel(StreamingChatModel model) {
        return new ChatModelView(this, model);
    }

    /** Releases what the model holds. Never throws. */
    @Override
    default void close() {
    }
}
