package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request that fails on Yardstick's own limits (memory, file descriptors) stops the run at once, is never charged
 * to the endpoint, and tells the user what to change.
 */
class OwnLimitsStopTheRunTest {

    private static final ScriptedClient.Script OUT_OF_MEMORY = (request, handler) -> {
        throw new OutOfMemoryError("Java heap space");
    };
    private static final ScriptedClient.Script OUT_OF_FILES =
            (request, handler) -> handler.onError(new IOException("Too many open files"));

    private static PlannedRequest request(long sequence, String model) {
        return new PlannedRequest(sequence, model, "p", 0, List.of(Message.user("hello")), null, false);
    }

    private static Plan plan(String model, int requests) {
        List<PlannedRequest> all = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            all.add(request(i, model));
        }
        return new Plan(RequestSource.of(all), new LoadShape.Closed(1), Map.of(), Duration.ofSeconds(5), null);
    }

    @Test
    void runningOutOfMemoryStopsTheRunAndNamesTheRemedy() {
        ScriptedClient client = ScriptedClient.of("test/oom", OUT_OF_MEMORY);
        List<Sample> delivered = Collections.synchronizedList(new ArrayList<>());
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/oom", client), TokenCounting.ALWAYS)) {
            assertFalse(orchestrator.cancelled());
            ClientLimitException e = assertThrows(ClientLimitException.class,
                    () -> orchestrator.run(plan("test/oom", 200), delivered::add));
            assertEquals("Java heap space (out of memory: lower --concurrency or give the JVM more heap)",
                    e.getMessage());
            assertTrue(orchestrator.cancelled(), "stopped like a cancellation");
        }
        assertTrue(delivered.isEmpty(), "never charged to the endpoint: " + delivered);
        // one at a time: the first failure stops dispatching (a request already waiting for the slot may still go)
        assertTrue(client.requests().get() <= 2, client.requests().get() + " of 200 requests were sent");
    }

    @Test
    void runningOutOfFileDescriptorsNamesUlimit() {
        ScriptedClient client = ScriptedClient.of("test/files", OUT_OF_FILES);
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/files", client), TokenCounting.ALWAYS)) {
            ClientLimitException e = assertThrows(ClientLimitException.class,
                    () -> orchestrator.execute(request(0, "test/files"), Duration.ofSeconds(5)));
            assertEquals("Too many open files (out of file descriptors: raise the limit with 'ulimit -n' or lower"
                    + " --concurrency)", e.getMessage());
            assertTrue(orchestrator.cancelled());
        }
    }

    @Test
    void anEndpointsOwnFailureIsASampleAndStopsNothing() {
        ScriptedClient client = ScriptedClient.of("test/refusing",
                (request, handler) -> handler.onError(new IOException("connection reset")));
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/refusing", client), TokenCounting.ALWAYS)) {
            Sample sample = orchestrator.execute(request(0, "test/refusing"), Duration.ofSeconds(5));
            assertEquals(ErrorClass.MALFORMED_STREAM, sample.error().errorClass());
            List<Sample> delivered = Collections.synchronizedList(new ArrayList<>());
            RunSummary summary = orchestrator.run(plan("test/refusing", 5), delivered::add);
            assertEquals(5, summary.completed());
            assertEquals(5, delivered.size());
            assertFalse(orchestrator.cancelled());
        }
    }
}
