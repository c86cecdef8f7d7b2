package dev.yardstick.provider.mock;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.provider.CancelFlag;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A synthetic streaming model: sleeps its time to first token, then emits one word per token with its inter-token
 * delay, on the calling thread. Outputs, delays and failures follow from the seed and the request's content (and
 * how many times that content was asked before), so a rerun reproduces a run whatever the thread interleaving.
 *
 * <p>"Asked before" is counted in a fixed table of counters indexed by the content's hash, never one entry per
 * distinct prompt: a benchmark's synthetic prompts are all different, and a map keyed by them grew by an entry per
 * request (a million requests, a million entries). Two prompts sharing a slot only share the count that varies
 * their repeats, which stays deterministic for a given sequence of requests.
 */
final class MockStreamingChatModel implements StreamingChatModel {

    private static final String[] WORDS = ("the a little cat dog sun tree ran saw happy big small went home "
            + "played with friend day park ball bird sky blue red garden found said Lily Tom was and to").split(" ");

    /** Slots of the "asked before" table: a power of two, 16 KB. */
    private static final int ASKED_SLOTS = 4096;

    private final MockProfile profile;
    private final AtomicIntegerArray askedBefore = new AtomicIntegerArray(ASKED_SLOTS);

    MockStreamingChatModel(MockProfile profile) {
        this.profile = profile;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        int contentHash = contentHash(request);
        int occurrence = askedBefore.getAndIncrement(slot(contentHash));
        SplittableRandom random = new SplittableRandom(profile.seed() * 1_000_003L + contentHash * 31L + occurrence);
        CancelFlag cancel = new CancelFlag();
        PartialResponseContext context = new PartialResponseContext(cancel);

        boolean fails = random.nextDouble() < profile.errorRate();
        int tokens = request.maxOutputTokens() == null ? profile.tokens()
                : Math.min(profile.tokens(), request.maxOutputTokens());
        if (!pause(profile.ttft(), random, cancel)) {
            return;
        }
        if (fails) {
            Duration retryAfter = profile.errorStatus() == 429 || profile.errorStatus() == 503 ? Duration.ofSeconds(1)
                    : null;
            handler.onError(new MockFailure(profile.errorStatus(), retryAfter));
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            if (i > 0 && !pause(profile.itl(), random, cancel)) {
                return;
            }
            String piece = (i == 0 ? "" : " ") + WORDS[random.nextInt(WORDS.length)];
            text.append(piece);
            handler.onPartialResponse(new PartialResponse(piece), context);
        }
        FinishReason finish = tokens < profile.tokens() ? FinishReason.LENGTH : FinishReason.STOP;
        handler.onCompleteResponse(ChatResponse.builder()
                .aiMessage(AiMessage.from(text.toString()))
                .modelName("mock/" + profile.name())
                .tokenUsage(new TokenUsage(inputTokens(request), tokens))
                .finishReason(finish)
                .build());
    }

    /** Sleeps a jittered delay; false when cancelled or interrupted meanwhile. */
    private boolean pause(Duration base, SplittableRandom random, CancelFlag cancel) {
        long nanos = base.toNanos();
        if (nanos > 0 && profile.jitter() > 0) {
            nanos = Math.round(nanos * (1 + profile.jitter() * (2 * random.nextDouble() - 1)));
        }
        long until = System.nanoTime() + nanos;
        long left;
        while ((left = until - System.nanoTime()) > 0 && !cancel.isCancelled()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return !cancel.isCancelled() && !Thread.currentThread().isInterrupted();
    }

    static int inputTokens(ChatRequest request) {
        int count = 0;
        for (ChatMessage message : request.messages()) {
            count += MockTokenCounter.INSTANCE.count(MockTokenCounter.textOf(message));
        }
        return count;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (ASKED_SLOTS - 1);
    }

    private static int contentHash(ChatRequest request) {
        int hash = 17;
        for (ChatMessage message : request.messages()) {
            hash = hash * 31 + MockTokenCounter.textOf(message).hashCode();
        }
        return hash;
    }
}
