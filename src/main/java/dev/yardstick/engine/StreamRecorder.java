package dev.yardstick.engine;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.yardstick.provider.ReadTime;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Receives one streamed response and timestamps it: the first chunk that carries generated tokens on any channel
 * (TTFT), the first chunk of visible output (TTFO), every later chunk (the ITL gaps), and the last one (E2E).
 * Reasoning arrives through {@code onPartialThinking} (OpenAI-compatible {@code reasoning_content}, Anthropic
 * thinking blocks, Gemini thought parts), visible output through {@code onPartialResponse}; both are generated
 * tokens, so both start TTFT and make gaps, while only visible output starts TTFO. Empty chunks, role-only deltas
 * and usage-only events never reach either with text, so they neither start TTFT nor extend E2E.
 *
 * <p>A chunk's time is when its bytes were read from the connection ({@link ReadTime}), where our transport read them
 * on this thread, not when the decoder got round to it; elsewhere it is the moment the handler hears it.
 *
 * <p>One instance per request; langchain4j calls it from one thread at a time, while the orchestrator's timeout may
 * end it from another, hence the latch and volatile fields.
 */
final class StreamRecorder implements StreamingChatResponseHandler {

    private final StringBuilder text = new StringBuilder();
    /** Made at the first reasoning chunk: most answers have none. */
    private StringBuilder thinking;
    private final CountDownLatch done = new CountDownLatch(1);
    private long[] gaps = new long[16];
    private int gapCount;
    private long firstTokenAt = -1;
    private long firstContentAt = -1;
    private long lastContentAt = -1;
    private volatile long completedAt = -1;
    private volatile ChatResponse response;
    private volatile Throwable failure;
    private volatile StreamingHandle handle;
    /** System.nanoTime() when the request was sent: a read stamped before it was another request's. */
    private final long sentAt;

    StreamRecorder() {
        this(System.nanoTime());
    }

    /** @param sentAt {@link System#nanoTime()} when the request was sent */
    StreamRecorder(long sentAt) {
        this.sentAt = sentAt;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle = context.streamingHandle();
        onContent(partial.text());
    }

    @Override
    public void onPartialResponse(String partial) {
        onContent(partial);
    }

    @Override
    public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
        handle = context.streamingHandle();
        onThinking(partial);
    }

    @Override
    public void onPartialThinking(PartialThinking partial) {
        onThinking(partial);
    }

    private void onThinking(PartialThinking partial) {
        String chunk = partial == null ? null : partial.text();
        if (tokenArrived(chunk)) {
            if (thinking == null) {
                thinking = new StringBuilder();
            }
            thinking.append(chunk);
        }
    }

    private void onContent(String chunk) {
        if (tokenArrived(chunk)) {
            if (firstContentAt < 0) {
                firstContentAt = lastContentAt;
            }
            text.append(chunk);
        }
    }

    /** Timestamps a chunk of generated tokens on either channel; false for an empty one or after the end. */
    private boolean tokenArrived(String chunk) {
        if (chunk == null || chunk.isEmpty() || done.getCount() == 0) {
            return false;
        }
        long now = ReadTime.now(sentAt);
        if (firstTokenAt < 0) {
            firstTokenAt = now;
        } else {
            if (gapCount == gaps.length) {
                gaps = Arrays.copyOf(gaps, gapCount * 2);
            }
            gaps[gapCount++] = now - lastContentAt;
        }
        lastContentAt = now;
        return true;
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        long now = ReadTime.now(sentAt);
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

    /** The reasoning text streamed before or beside the answer; "" when there was none. */
    String thinking() {
        return thinking == null ? "" : thinking.toString();
    }

    /** The first chunk of generated tokens on any channel, reasoning or visible; -1 when none came. */
    long firstTokenAt() {
        return firstTokenAt;
    }

    /** The first chunk of visible output; -1 when none came. */
    long firstContentAt() {
        return firstContentAt;
    }

    /** When the answer ended: the last chunk on any channel, or the completion when none came. */
    long endAt() {
        return lastContentAt >= 0 ? lastContentAt : completedAt;
    }

    long[] gaps() {
        return Arrays.copyOf(gaps, gapCount);
    }
}
