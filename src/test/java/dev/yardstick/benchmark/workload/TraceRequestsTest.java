package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.engine.PlannedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trace's requests: each to every model at its scaled time, its output length asked, the first N on request. */
class TraceRequestsTest {

    private static final long MS = 1_000_000;

    private static Trace trace() {
        return new Trace(Path.of("t.jsonl"), TraceFormat.YARDSTICK, List.of(
                new TraceEntry(0, 0, 7, List.of(), List.of(Message.user("a"))),
                new TraceEntry(100 * MS, 0, 0, List.of(), List.of(Message.user("b"))),
                new TraceEntry(250 * MS, 0, 3, List.of(), List.of(Message.user("c")))));
    }

    @Test
    void everyTracedRequestGoesToEveryModelAtItsScaledTime() {
        TraceRequests requests = new TraceRequests(trace(), 2, null, List.of("m/one", "m/two"),
                new ModelParams(0.5, 99, null, null, null), 1, Map.of());
        assertTrue(requests.timed());
        assertEquals(6, requests.size());
        PlannedRequest fourth = requests.get(3);
        assertEquals("m/two", fourth.model());
        assertEquals("trace-1", fourth.promptId());
        assertEquals(List.of(Message.user("b")), fourth.messages());
        assertEquals(200 * MS, requests.startNanos(3), "100 ms × 2");
        assertEquals(200 * MS, requests.startNanos(2));
        assertEquals(1, fourth.params().maxTokens(), "a traced length of 0 asks for 1: a server refuses 0");
        assertEquals(0.5, fourth.params().temperature(), "the plan's other settings stay");
        assertEquals(7, requests.get(0).params().maxTokens());
        assertEquals(3, requests.askedOutputTokens(5));
    }

    @Test
    void requestsLimitsTheReplayToTheFirstTracedRequests() {
        TraceRequests requests = new TraceRequests(trace(), 1, 2L, List.of("m/one"), null, 1, Map.of());
        assertEquals(2, requests.size());
        assertEquals(2, requests.report().requests());
        assertEquals(0.1, requests.report().spanSeconds(), 1e-12);
    }
}
