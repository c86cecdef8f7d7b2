package dev.yardstick.provider.local;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.TokenCounter;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/** One opening of a local model: a reference to the shared loaded model, given back on close. */
final class LocalModelClient implements ModelClient {

    private final ModelSpec spec;
    private final LoadedModel model;
    private final LlamaStreamingChatModel chatModel;
    private final LlamaTokenCounter tokenCounter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int contextWindow;

    LocalModelClient(ModelSpec spec, LoadedModel model, int contextWindow) {
        this.spec = spec;
        this.model = model;
        this.contextWindow = contextWindow;
        this.chatModel = new LlamaStreamingChatModel(model, spec.label(), spec.params());
        this.tokenCounter = new LlamaTokenCounter(model);
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public StreamingChatModel chatModel() {
        return chatModel;
    }

    @Override
    public TokenCounter tokenCounter() {
        return tokenCounter;
    }

    /** The context a request may fill (see {@link LocalProvider}); never more than llama.cpp was given. */
    @Override
    public OptionalInt contextWindow() {
        return OptionalInt.of(contextWindow);
    }

    /** One llama.cpp context decodes one sequence at a time; more in flight would only queue. */
    @Override
    public int maxConcurrency() {
        return 1;
    }

    /**
     * Short generations on this very model, off the clock: the first decode of a llama.cpp context allocates its
     * compute buffers and loads the JNI bridge's classes, which the first measured request would otherwise pay. It
     * is in-process, so it costs nothing and reaches no server.
     */
    @Override
    public ClientWarmup clientWarmup() {
        return ClientWarmup.inProcess("generation", chatModel);
    }

    LoadedModel loadedModel() {
        return model;
    }

    /** Gives back this opening's reference; the last one frees the native model. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LoadedModels.release(model);
        }
    }
}
