package dev.yardstick.testing;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Drives one streaming chat through a real langchain4j client and keeps what arrived and when. */
public final class StreamCapture implements StreamingChatResponseHandler {

    private final long startNanos = System.nanoTime();
    private final List<String> partials = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private volatile long firstPartialNanos;
    private volatile long endNanos;

    public static StreamCapture chat(StreamingChatModel model, String userMessage) {
        StreamCapture capture = new StreamCapture();
        model.chat(userMessage, capture);
        return capture;
    }

    static StreamCapture chat(StreamingChatModel model, ChatRequest request) {
        StreamCapture capture = new StreamCapture();
        model.chat(request, capture);
        return capture;
    }

    @Override
    public void onPartialResponse(String partial) {
        if (partials.isEmpty()) {
            firstPartialNanos = System.nanoTime();
        }
        partials.add(partial);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        endNanos = System.nanoTime();
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        endNanos = System.nanoTime();
        done.completeExceptionally(error);
    }

    /** The complete response; fails the test with the client's error if it ended in one. */
    public ChatResponse response() throws Exception {
        return done.get(10, TimeUnit.SECONDS);
    }

    /** The error the stream ended with; fails if it completed instead. */
    public Throwable error() throws Exception {
        try {
            ChatResponse response = done.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected an error, got " + response);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    List<String> partials() {
        return List.copyOf(partials);
    }

    public String text() {
        return String.join("", partials);
    }

    Duration timeToFirstPartial() {
        return Duration.ofNanos(firstPartialNanos - startNanos);
    }

    Duration timeToEnd() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** The HTTP status an exception chain carries, or -1. */
    static int statusIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode();
            }
        }
        return -1;
    }
}
