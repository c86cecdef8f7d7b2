package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.TokenCounter;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** Where closed-loop workers run: on the threads the clients offer only when every client of the run offers them. */
class WorkerThreadsTest {

    private static final ThreadFactory OFFERED = task -> Thread.ofVirtual().name("offered").unstarted(task);

    private static ModelClient client(ThreadFactory offers) {
        return new ModelClient() {
            @Override
            public ModelSpec spec() {
                return null;
            }

            @Override
            public StreamingChatModel chatModel() {
                return null;
            }

            @Override
            public TokenCounter tokenCounter() {
                return null;
            }

            @Override
            public OptionalInt contextWindow() {
                return OptionalInt.empty();
            }

            @Override
            public ThreadFactory workerThreads() {
                return offers;
            }
        };
    }

    private static Thread made(List<ModelClient> clients) {
        return Orchestrator.workerThreads(clients).newThread(() -> { });
    }

    @Test
    void workersRunOnOfferedThreadsOnlyWhenEveryClientOffersThem() {
        ModelClient offering = client(OFFERED);
        ModelClient plain = client(null);
        assertEquals("offered", made(List.of(offering, offering)).getName());
        // A worker may send to any model of the run: one model that computes on its caller keeps them all off.
        assertNotEquals("offered", made(List.of(offering, plain)).getName());
        assertNotEquals("offered", made(List.of(plain, offering)).getName());
        Thread fallback = made(List.of(plain));
        assertTrue(fallback.isVirtual(), "the engine's own workers are virtual threads");
        assertTrue(fallback.getName().startsWith("yardstick-request-"), fallback.getName());
        assertTrue(made(List.of()).isVirtual());
    }
}
