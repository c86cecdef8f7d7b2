package dev.yardstick.provider.mock;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.provider.CancelFlag;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * A synthetic streaming model: sleeps its time to first token, then emits one word per token with its inter-token
 * delay, on the calling thread. A reasoning profile first streams its reasoning tokens through
 * {@code onPartialThinking}, spread over its thinking time, and reports them in an OpenAI-style usage
 * ({@code completion_tokens_details.reasoning_tokens}, part of the output tokens) as an OpenAI-compatible server
 * would. Outputs, delays and failures follow from the seed and the request's content (and
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
        PartialThinkingContext thinkingContext = new PartialThinkingContext(cancel);

        boolean fails = random.nextDouble() < profile.errorRate();
        // Like OpenAI's max_completion_tokens, a maximum covers the reasoning too, which is generated first.
        int budget = request.maxOutputTokens() == null ? Integer.MAX_VALUE : request.maxOutputTokens();
        int reasoning = Math.min(profile.reasoning(), budget);
        int tokens = Math.min(profile.tokens(), budget - reasoning);
        if (!pause(profile.ttft(), random, cancel)) {
            return;
        }
        if (fails) {
            Duration retryAfter = profile.errorStatus() == 429 || profile.errorStatus() == 503 ? Duration.ofSeconds(1)
                    : null;
            handler.onError(new MockFailure(profile.errorStatus(), retryAfter));
            return;
        }
        String thinking = stream(reasoning, profile.reasoningGap(), random, cancel,
                piece -> handler.onPartialThinking(new PartialThinking(piece), thinkingContext));
        if (thinking == null || tokens > 0 && reasoning > 0 && !pause(profile.reasoningGap(), random, cancel)) {
            return;
        }
        String text = stream(tokens, profile.itl(), random, cancel,
                piece -> handler.onPartialResponse(new PartialResponse(piece), context));
        if (text == null) {
            return;
        }
        FinishReason finish = tokens < profile.tokens() ? FinishReason.LENGTH : FinishReason.STOP;
        AiMessage.Builder message = AiMessage.builder().text(text);
        if (reasoning > 0) {
            message.thinking(thinking);
        }
        handler.onCompleteResponse(ChatResponse.builder()
                .aiMessage(message.build())
                .modelName("mock/" + profile.name())
                .tokenUsage(usage(inputTokens(request), tokens, reasoning))
                .finishReason(finish)
                .build());
    }

    /** Emits {@code count} words {@code gap} apart; their text, or null when cancelled or interrupted meanwhile. */
    private String stream(int count, Duration gap, SplittableRandom random, CancelFlag cancel,
                          Consumer<String> emit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0 && !pause(gap, random, cancel)) {
                return null;
            }
            String piece = (i == 0 ? "" : " ") + WORDS[random.nextInt(WORDS.length)];
            text.append(piece);
            emit.accept(piece);
        }
        return text.toString();
    }

    /**
     * The usage an OpenAI-compatible server sends: with reasoning, its output tokens include the reasoning tokens
     * and {@code completion_tokens_details} counts them apart.
     */
    private static TokenUsage usage(int input, int visible, int reasoning) {
        if (reasoning == 0) {
            return new TokenUsage(input, visible);
        }
        return OpenAiTokenUsage.builder()
                .inputTokenCount(input)
                .outputTokenCount(visible + reasoning)
                .totalTokenCount(input + visible + reasoning)
                .outputTokensDetails(OpenAiTokenUsage.OutputTokensDetails.builder().reasoningTokens(reasoning).build())
                .build();
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
