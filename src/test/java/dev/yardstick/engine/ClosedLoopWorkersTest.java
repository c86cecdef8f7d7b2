package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.config.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The closed loop's workers: the source is asked in index order by one worker at a time, every slot stays busy
 * while requests remain, and no worker keeps the carriers to itself.
 */
class ClosedLoopWorkersTest {

    /** A source of {@code size} requests that fails the run's samples if asked out of order or by two at once. */
    private static final class CheckedSource implements RequestSource {
        private final long size;
        private final AtomicInteger inside = new AtomicInteger();
        private final List<Long> asked = Collections.synchronizedList(new ArrayList<>());
        private volatile String violation;

        CheckedSource(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public PlannedRequest get(long index) {
            if (inside.incrementAndGet() != 1) {
                violation = "two callers at once at " + index;
            }
            if (index != asked.size()) {
                violation = "asked for " + index + " after " + asked.size() + " requests";
            }
            asked.add(index);
            Thread.yield(); // gives a second caller the chance to come in, if it could
            inside.decrementAndGet();
            return new PlannedRequest(index, "test/m", "p", 0, List.of(Message.user("hello")), null, false);
        }
    }

    @Test
    void theSourceIsAskedInOrderByOneWorkerAtATime() {
        CheckedSource source = new CheckedSource(2_000);
        ScriptedClient client = ScriptedClient.of("test/m", ScriptedClient.answering("two words",
                new TokenUsage(1, 2)));
        AtomicInteger samples = new AtomicInteger();
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/m", client), TokenCounting.ALWAYS)) {
            RunSummary summary = orchestrator.run(new Plan(source, new LoadShape.Closed(16), Map.of(),
                    Duration.ofSeconds(30), null), s -> samples.incrementAndGet());
            assertEquals(2_000, summary.completed());
        }
        assertEquals(null, source.violation);
        assertEquals(2_000, source.asked.size());
        assertEquals(2_000, samples.get());
    }

    /**
     * Eight slots, 24 requests of 100 ms: three rounds, about 0.3 s. A worker that did not take the next request as
     * soon as its last ended (or a slot never filled) would add a round.
     */
    @Test
    void everySlotStaysBusyWhileRequestsRemain() {
        ScriptedClient client = ScriptedClient.of("test/m", (request, handler) -> {
            Thread.sleep(100);
            ScriptedClient.answering("done", new TokenUsage(1, 1)).answer(request, handler);
        });
        List<Integer> inFlight = Collections.synchronizedList(new ArrayList<>());
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/m", client), TokenCounting.ALWAYS)) {
            List<PlannedRequest> requests = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                requests.add(new PlannedRequest(i, "test/m", "p", 0, List.of(Message.user("x")), null, false));
            }
            long start = System.nanoTime();
            RunSummary summary = orchestrator.run(new Plan(RequestSource.of(requests), new LoadShape.Closed(8),
                    Map.of(), Duration.ofSeconds(30), null), s -> inFlight.add(orchestrator.inFlight()));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(24, summary.completed());
            assertTrue(seconds >= 0.29 && seconds < 0.39 + 0.3, "three rounds of 100 ms: " + seconds + " s");
            assertTrue(inFlight.stream().allMatch(n -> n >= 1 && n <= 8), "in flight, seen by a listener: " + inFlight);
            assertEquals(0, orchestrator.inFlight(), "none once the run is over");
        }
    }
}
