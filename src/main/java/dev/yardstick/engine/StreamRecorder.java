package dev.yardstick.engine;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Receives one streamed response and timestamps it: the first chunk that carries generated content (TTFT), every
 * later content chunk (the ITL gaps), and the last one (E2E). Empty chunks, role-only deltas and usage-only events
 * never reach {@code onPartialResponse} with text, so they neither start TTFT nor extend E2E; nor does thinking
 * content, which arrives through {@code onPartialThinking}.
 *
 * <p>One instance per request; langchain4j calls it from one thread at a time, while the orchestrator's timeout may
 * end it from another, hence the latch and volatile fields.
 */
final class StreamRecorder implements StreamingChatResponseHandler {

    private final StringBuilder text = new StringBuilder();
    private final CountDownLatch done = new CountDownLatch(1);
    private long[] gaps = new long[16];
    private int gapCount;
    private long firstContentAt = -1;
    private long lastContentAt = -1;
    private volatile long completedAt = -1;
    private volatile ChatResponse response;
    private volatile Throwable failure;
    private volatile StreamingHandle handle;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle = context.streamingHandle();
        onContent(partial.text());
    }

    @Override
    public void onPartialResponse(String partial) {
        onContent(partial);
    }

    private void onContent(String chunk) {
        if (chunk == null || chunk.isEmpty() || done.getCount() == 0) {
            return;
        }
        long now = System.nanoTime();
        if (firstContentAt < 0) {
            firstContentAt = now;
        } else {
            if (gapCount == gaps.length) {
                gaps = Arrays.copyOf(gaps, gapCount * 2);
            }
            gaps[gapCount++] = now - lastContentAt;
        }
        lastContentAt = now;
        text.append(chunk);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        long now = System.nanoTime();
        synchronized (this) {
            if (done.getCount() == 0) {
                return;
            }
            completedAt = now;
            response = completeResponse;
            done.countDown();
        }
    }

    @Override
    public void onError(Throwable error) {
        end(error);
    }

    /**
     * Records the first way the request ended. The first outcome wins: when the watchdog ends a request for its
     * timeout, the client's own complaint about being interrupted must not replace the reason.
     */
    private synchronized boolean end(Throwable reason) {
        if (done.getCount() == 0) {
            return false;
        }
        completedAt = System.nanoTime();
        failure = reason;
        done.countDown();
        return true;
    }

    /** Ends the request from outside (timeout, cancellation): stops the stream and records why. */
    void abort(Throwable reason) {
        if (!end(reason)) {
            return;
        }
        StreamingHandle h = handle;
        if (h != null && !h.isCancelled()) {
            try {
                h.cancel();
            } catch (RuntimeException ignored) {
                // The stream may already be closing; cancellation is best effort.
            }
        }
    }

    boolean await(long nanos) throws InterruptedException {
        return done.await(nanos, TimeUnit.NANOSECONDS);
    }

    boolean finished() {
        return done.getCount() == 0;
    }

    ChatResponse response() {
        return response;
    }

    Throwable failure() {
        return failure;
    }

    String text() {
        return text.toString();
    }

    long firstContentAt() {
        return firstContentAt;
    }

    /** When the answer ended: the last content chunk, or the completion when no content came. */
    long endAt() {
        return lastContentAt >= 0 ? lastContentAt : completedAt;
    }

    long[] gaps() {
        return Arrays.copyOf(gaps, gapCount);
    }
}
