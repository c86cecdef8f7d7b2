package dev.yardstick.engine.chain;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.yardstick.provider.SyntheticHttpFailure;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One injected fault in front of one model, for one try: the outermost layer of the request, so it stands where a
 * failing network or a faulty gateway would. HTTP faults fail with a {@link SyntheticHttpFailure} before the
 * provider sees the request; {@code timeout} hangs until the request's timeout interrupts it; {@code broken-stream}
 * lets the provider answer and drops the stream after {@value #CHUNKS_BEFORE_BREAK} chunks; the history kinds alter
 * the messages on their way to the provider. Which try meets which fault is the {@link FaultSchedule}'s choice.
 */
public final class FaultInjector extends ForwardingChatModel {

    static final int CHUNKS_BEFORE_BREAK = 2;

    private final Fault fault;

    public FaultInjector(StreamingChatModel delegate, Fault fault) {
        super(delegate);
        this.fault = fault;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        switch (fault.kind()) {
            case HTTP -> handler.onError(new SyntheticHttpFailure(fault.status(), fault.retryAfter(),
                    "injected fault " + fault.text() + ": HTTP " + fault.status()));
            case TIMEOUT -> hangUntilInterrupted();
            case BROKEN_STREAM -> delegate.chat(request, new BreakingHandler(handler, fault.text()));
            default -> delegate.chat(tamper(request, fault.kind()), handler);
        }
    }

    /**
     * A provider that never answers. The request's timeout interrupts the thread and has already recorded the
     * timeout, so no callback follows; the interrupt is kept for the caller to see.
     */
    private static void hangUntilInterrupted() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static ChatRequest tamper(ChatRequest request, Fault.Kind kind) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        List<Integer> history = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.get(i) instanceof SystemMessage)) {
                history.add(i);
            }
        }
        switch (kind) {
            case DROP_SYSTEM -> messages.removeIf(m -> m instanceof SystemMessage);
            case DROP_MESSAGE -> {
                if (history.size() > 1) {
                    messages.remove((int) history.get(0)); // the oldest turn's message, never the new question
                }
            }
            case REORDER -> {
                if (history.size() > 1) {
                    Collections.swap(messages, history.get(0), history.get(1));
                }
            }
            case CORRUPT -> {
                int index = history.size() > 1 ? history.get(0) : messages.size() - 1;
                messages.set(index, corrupt(messages.get(index)));
            }
            default -> throw new IllegalArgumentException(kind + " does not tamper with the history");
        }
        return ChatRequest.builder().messages(messages).parameters(request.parameters()).build();
    }

    /** The same message with one character in its middle changed: a single-byte difference for ASCII text. */
    private static ChatMessage corrupt(ChatMessage message) {
        String text = Messages.text(message);
        if (text.isEmpty()) {
            text = "?";
        } else {
            int at = text.length() / 2;
            char changed = text.charAt(at) == 'x' ? 'y' : 'x';
            text = text.substring(0, at) + changed + text.substring(at + 1);
        }
        return switch (message) {
            case SystemMessage s -> SystemMessage.from(text);
            case AiMessage a -> AiMessage.from(text);
            default -> UserMessage.from(text);
        };
    }

    /** Passes the first chunks on, then reports a dropped connection and swallows the rest. */
    private static final class BreakingHandler implements StreamingChatResponseHandler {

        private final StreamingChatResponseHandler handler;
        private final String fault;
        private final AtomicInteger chunks = new AtomicInteger();
        private final AtomicBoolean broken = new AtomicBoolean();

        BreakingHandler(StreamingChatResponseHandler handler, String fault) {
            this.handler = handler;
            this.fault = fault;
        }

        @Override
        public void onPartialResponse(String partial) {
            if (pass()) {
                handler.onPartialResponse(partial);
            }
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (pass()) {
                handler.onPartialResponse(partial, context);
            } else if (context != null && context.streamingHandle() != null) {
                context.streamingHandle().cancel();
            }
        }

        @Override
        public void onPartialThinking(PartialThinking thinking) {
            if (!broken.get()) {
                handler.onPartialThinking(thinking);
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            breakOff(); // an answer shorter than the break point still never arrives whole
        }

        @Override
        public void onError(Throwable error) {
            if (broken.compareAndSet(false, true)) {
                handler.onError(error);
            }
        }

        private boolean pass() {
            if (broken.get()) {
                return false;
            }
            if (chunks.incrementAndGet() <= CHUNKS_BEFORE_BREAK) {
                return true;
            }
            breakOff();
            return false;
        }

        private void breakOff() {
            if (broken.compareAndSet(false, true)) {
                handler.onError(new EOFException("stream broken off after " + Math.min(chunks.get(),
                        CHUNKS_BEFORE_BREAK) + " chunks (injected fault " + fault + ")"));
            }
        }
    }
}
