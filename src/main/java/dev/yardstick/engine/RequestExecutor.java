package dev.yardstick.engine;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderUsage;
import dev.yardstick.provider.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one request on the calling thread (a virtual thread in the orchestrator) and turns what happened into a
 * {@link Sample}. A watchdog on a shared scheduler enforces the timeout: it aborts the stream and interrupts the
 * thread, which unblocks synchronous clients (the lean HTTP client, llama.cpp) as well as asynchronous ones.
 */
public final class RequestExecutor {

    private static final int ARMED = 0;
    private static final int RINGING = 1;
    private static final int RUNG = 2;
    private static final int DISARMED = 3;

    private final ScheduledExecutorService watchdog;
    private final TokenCounting counting;

    public RequestExecutor(ScheduledExecutorService watchdog, TokenCounting counting) {
        this.watchdog = watchdog;
        this.counting = counting;
    }

    /**
     * @param scheduledAt   System.nanoTime() of the request's scheduled start (latency counts from here)
     * @param sentAt        System.nanoTime() when it was actually sent (after any wait for a slot)
     * @param runStart      System.nanoTime() of the run's start, for the sample's relative times
     * @param cancellation  consulted when the run is cancelled; may be null
     */
    public Sample execute(PlannedRequest request, ModelClient client, long scheduledAt, long sentAt, long runStart,
                          Duration timeout, InFlight cancellation) {
        return execute(request, client, scheduledAt, sentAt, runStart, timeout, cancellation, sentAt - scheduledAt);
    }

    /**
     * @param queueNanos the sample's queue time, when the caller knows it before sending (a closed-loop request's
     *                   wait for our own slot), so the sample is not built a second time to carry it
     */
    Sample execute(PlannedRequest request, ModelClient client, long scheduledAt, long sentAt, long runStart,
                   Duration timeout, InFlight cancellation, long queueNanos) {
        StreamRecorder recorder = new StreamRecorder(sentAt);
        Thread worker = Thread.currentThread();
        AtomicInteger alarm = new AtomicInteger(ARMED);
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            if (alarm.compareAndSet(ARMED, RINGING)) {
                recorder.abort(new TimeoutException("no complete answer within " + timeout.toMillis() + " ms"));
                worker.interrupt();
                alarm.set(RUNG);
            }
        }, Math.max(1, timeout.toNanos() - (System.nanoTime() - sentAt)), TimeUnit.NANOSECONDS);
        if (cancellation != null) {
            cancellation.attach(recorder, worker);
        }
        try {
            client.chatModel().chat(toChatRequest(request), recorder);
            while (!recorder.finished()) {
                recorder.await(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (InterruptedException e) {
            recorder.abort(new CancellationException("interrupted"));
        } catch (RuntimeException | OutOfMemoryError e) { // out of memory is the client's limit, classed as such
            recorder.onError(e);
        } finally {
            timer.cancel(false);
            if (!alarm.compareAndSet(ARMED, DISARMED)) {
                // The watchdog fired: it ends the stream first and interrupts this thread after, so wait the few
                // microseconds until it is done, or its interrupt could land after the clearing below, in the
                // caller's next wait (a retry's backoff).
                while (alarm.get() != RUNG) {
                    Thread.onSpinWait();
                }
            }
            if (cancellation != null) {
                cancellation.detach();
            }
            Thread.interrupted(); // a late watchdog interrupt must not leak into the next request on this thread
        }
        return toSample(request, client, recorder, scheduledAt, queueNanos, runStart);
    }

    static ChatRequest toChatRequest(PlannedRequest request) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size());
        for (Message m : request.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.content());
                case USER -> UserMessage.from(m.content());
                case ASSISTANT -> AiMessage.from(m.content());
            });
        }
        ModelParams p = request.params();
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
        if (p.temperature() != null) {
            builder.temperature(p.temperature());
        }
        if (p.maxTokens() != null) {
            builder.maxOutputTokens(p.maxTokens());
        }
        return builder.build();
    }

    private Sample toSample(PlannedRequest request, ModelClient client, StreamRecorder recorder, long scheduledAt,
                            long queueNanos, long runStart) {
        Throwable failure = recorder.failure();
        ChatResponse response = recorder.response();
        long firstToken = recorder.firstTokenAt();
        long ttft = firstToken < 0 ? -1 : firstToken - scheduledAt;
        long firstContent = recorder.firstContentAt();
        long ttfo = firstContent < 0 ? -1 : firstContent - scheduledAt;
        long e2e = Math.max(0, recorder.endAt() - scheduledAt);
        String text = failure == null ? recorder.text() : "";
        TokenUsage usage = response == null ? null : response.tokenUsage();
        TokenCounts tokens = tokens(request, client.tokenCounter(), usage, text,
                failure == null ? recorder.thinking() : "");
        String requestId = response == null ? null : response.id();
        String finish = response == null || response.finishReason() == null ? null
                : response.finishReason().name().toLowerCase(java.util.Locale.ROOT);
        return new Sample(request.sequence(), request.model(), request.promptId(), request.repetition(),
                request.warmup(), scheduledAt - runStart, queueNanos, ttft, e2e,
                failure == null ? recorder.gaps() : new long[0], tokens, text, finish, requestId, 1,
                failure == null ? null : ErrorClassifier.classify(failure), 0, ttfo, null);
    }

    private TokenCounts tokens(PlannedRequest request, TokenCounter counter, TokenUsage usage, String text,
                               String thinking) {
        Integer reportedIn = ProviderUsage.totalInput(usage);
        Integer reportedOut = ProviderUsage.totalOutput(usage);
        Integer reportedReasoning = ProviderUsage.reasoning(usage);
        Integer cached = usage == null ? null : ProviderUsage.cachedInput(usage);
        Integer cacheWrite = usage == null ? null : ProviderUsage.cacheWrite(usage);
        boolean count = counting == TokenCounting.ALWAYS || reportedIn == null || reportedOut == null;
        int countedIn = 0;
        int countedOut = 0;
        if (count) {
            for (Message m : request.messages()) {
                countedIn += counter.count(m.content());
            }
            countedOut = counter.count(text);
        }
        // Reasoning the provider streamed but did not count (Anthropic never does) is counted whatever the mode:
        // without it a reasoning model's visible output would be indistinguishable from its thinking.
        int countedReasoning = thinking.isEmpty() || reportedReasoning != null && !count ? 0 : counter.count(thinking);
        return new TokenCounts(reportedIn, reportedOut, cached, cacheWrite, countedIn, countedOut, counter.source(),
                reportedReasoning, countedReasoning);
    }
}
