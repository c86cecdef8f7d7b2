package dev.yardstick.provider.http;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** One streamed chat, with what arrived, on which thread, and how it ended. */
final class Conversation implements StreamingChatResponseHandler {

    final List<String> partials = new CopyOnWriteArrayList<>();
    final List<Thread> callbackThreads = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private final BiConsumer<Conversation, PartialResponseContext> onPartial;

    Conversation() {
        this((conversation, context) -> { });
    }

    /** {@code onPartial} runs after each partial is recorded: a test uses it to cancel the stream. */
    Conversation(BiConsumer<Conversation, PartialResponseContext> onPartial) {
        this.onPartial = onPartial;
    }

    static Conversation run(StreamingChatModel model, String message) {
        Conversation conversation = new Conversation();
        model.chat(message, conversation);
        return conversation;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        callbackThreads.add(Thread.currentThread());
        partials.add(partial.text());
        onPartial.accept(this, context);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        callbackThreads.add(Thread.currentThread());
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        callbackThreads.add(Thread.currentThread());
        done.completeExceptionally(error);
    }

    String text() {
        return String.join("", partials);
    }

    ChatResponse response() throws Exception {
        return done.get(10, TimeUnit.SECONDS);
    }

    Throwable error() throws Exception {
        try {
            throw new AssertionError("expected an error, got " + done.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | CancellationException e) {
            return e.getCause(); // a CancellationException given to completeExceptionally comes back wrapped in one
        }
    }
}
