package dev.yardstick.provider;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;

/**
 * An opened client seen through another chat model (one wrapped around its own, or its warm-up's copy); everything
 * else is the client's, its warm-up included. Closing stays with whoever opened the client.
 */
record ChatModelView(ModelClient inner, StreamingChatModel chatModel) implements ModelClient {

    @Override
    public ModelSpec spec() {
        return inner.spec();
    }

    @Override
    public TokenCounter tokenCounter() {
        return inner.tokenCounter();
    }

    @Override
    public OptionalInt contextWindow() {
        return inner.contextWindow();
    }

    @Override
    public boolean synthetic() {
        return inner.synthetic();
    }

    @Override
    public int maxConcurrency() {
        return inner.maxConcurrency();
    }

    @Override
    public ThreadFactory workerThreads() {
        return inner.workerThreads();
    }

    @Override
    public ClientWarmup clientWarmup() {
        return inner.clientWarmup();
    }
}
