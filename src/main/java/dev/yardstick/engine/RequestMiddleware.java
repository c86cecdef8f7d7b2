package dev.yardstick.engine;

import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.function.UnaryOperator;

/**
 * What stands around the tries of one request: retries, circuit breaking, injected faults. The orchestrator runs
 * every request, of every command, through the one its command chose ({@code dev.yardstick.engine.chain} holds
 * them); each try still has its own timeout. The orchestrator keeps the clock: it counts the tries and dates the
 * request's latency from the first try's start.
 */
@FunctionalInterface
public interface RequestMiddleware {

    /** One try, nothing around it. */
    RequestMiddleware DIRECT = (request, tries) -> tries.send(UnaryOperator.identity());

    /** Gets the request answered through {@code tries}; returns the sample of the last try sent. Never throws. */
    Sample handle(PlannedRequest request, Tries tries);

    /** The tries of one request. */
    interface Tries {

        /** Sends one more try, the model wrapped by {@code around} (a fault injector, or the identity). */
        Sample send(UnaryOperator<StreamingChatModel> around);

        /** Whether the run is being stopped (Ctrl-C): no further try should start. */
        boolean cancelled();
    }
}
