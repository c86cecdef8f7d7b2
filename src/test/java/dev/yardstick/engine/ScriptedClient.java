package dev.yardstick.engine;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.mock.MockProvider;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A model whose stream a test scripts, answering on the calling thread as the blocking clients do; its tokenizer
 * counts words. Counts the requests it was sent.
 */
record ScriptedClient(ModelSpec spec, Script script, Supplier<ClientWarmup> warmup, AtomicInteger requests)
        implements ModelClient {

    /** The mock provider's tokenizer: one token a word. */
    private static final TokenCounter WORDS = new MockProvider().open(ModelSpec.parse("mock/instant"),
            new ProviderContext(Map.of(), YardstickConfig.EMPTY)).tokenCounter();

    /** What the stream does with one request. */
    @FunctionalInterface
    interface Script {
        void answer(ChatRequest request, StreamingChatResponseHandler handler) throws InterruptedException;
    }

    /** Words, one chunk each, then the reported usage, an id and a stop. */
    static Script answering(String text, TokenUsage usage) {
        return (request, handler) -> {
            for (String word : text.split(" ")) {
                handler.onPartialResponse(word + " ");
            }
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(text)).tokenUsage(usage)
                    .id("req-7").finishReason(FinishReason.STOP).build());
        };
    }

    /** Holds the request, as a server that hangs would, until the thread is interrupted. */
    static Script hanging() {
        return (request, handler) -> Thread.sleep(60_000);
    }

    static ScriptedClient of(String label, Script script) {
        return new ScriptedClient(ModelSpec.parse(label), script, () -> ClientWarmup.NONE, new AtomicInteger());
    }

    ScriptedClient warmedBy(Supplier<ClientWarmup> clientWarmup) {
        return new ScriptedClient(spec, script, clientWarmup, requests);
    }

    @Override
    public StreamingChatModel chatModel() {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                requests.incrementAndGet();
                try {
                    script.answer(request, handler);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    handler.onError(e);
                }
            }
        };
    }

    @Override
    public TokenCounter tokenCounter() {
        return WORDS;
    }

    @Override
    public OptionalInt contextWindow() {
        return OptionalInt.empty();
    }

    @Override
    public ClientWarmup clientWarmup() {
        return warmup.get();
    }
}
