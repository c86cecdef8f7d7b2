package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.yardstick.config.Message;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.tokens.TokenCounters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A timed-out request leaves no interrupt behind: the watchdog ends the stream and then interrupts the worker, and
 * the next wait on that thread (a retry's backoff) must not be cut short by that late interrupt.
 */
class RequestExecutorTimeoutTest {

    /** Accepts the request and never answers, like a server that hangs. */
    private static final StreamingChatModel SILENT = new StreamingChatModel() {
        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        }
    };

    private record Silent(ModelSpec spec) implements ModelClient {
        @Override
        public StreamingChatModel chatModel() {
            return SILENT;
        }

        @Override
        public TokenCounter tokenCounter() {
            return TokenCounters.forModel("silent");
        }

        @Override
        public OptionalInt contextWindow() {
            return OptionalInt.empty();
        }
    }

    @Test
    void theWatchdogsInterruptNeverOutlivesTheRequest() throws InterruptedException {
        Silent client = new Silent(ModelSpec.parse("test/silent"));
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/silent", client), TokenCounting.ALWAYS)) {
            for (int i = 0; i < 100; i++) {
                Sample sample = orchestrator.execute(new PlannedRequest(i, "test/silent", "p", 0,
                        List.of(Message.user("hello")), null, false), Duration.ofMillis(5));
                assertEquals(ErrorClass.TIMEOUT, sample.error().errorClass());
                Thread.sleep(2); // a backoff wait: a leaked interrupt would throw here
                assertFalse(Thread.currentThread().isInterrupted());
            }
        }
    }
}
