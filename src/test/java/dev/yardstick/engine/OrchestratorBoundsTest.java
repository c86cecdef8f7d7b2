package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.config.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator's bounds, each checked against a delay it injects: open-loop starts wait for their schedule,
 * late ones are counted, a duration cap and a cancellation end the run, and our own queue is reported apart.
 * Lower bounds are exact (nothing may beat an injected delay); upper bounds leave a loaded machine seconds.
 */
class OrchestratorBoundsTest {

    private static final long MS = 1_000_000;
    private static final TokenUsage USAGE = new TokenUsage(1, 1);

    private static ScriptedClient.Script taking(long millis) {
        ScriptedClient.Script answer = ScriptedClient.answering("ok", USAGE);
        return (request, handler) -> {
            Thread.sleep(millis);
            answer.answer(request, handler);
        };
    }

    private static RequestSource requests(String model, int n) {
        List<PlannedRequest> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new PlannedRequest(i, model, "p", 0, List.of(Message.user("hello")), null, false));
        }
        return RequestSource.of(all);
    }

    private static RunSummary run(ScriptedClient client, Plan plan, List<Sample> into) {
        try (Orchestrator orchestrator = new Orchestrator(Map.of(client.spec().label(), client),
                TokenCounting.ALWAYS)) {
            return orchestrator.run(plan, into::add);
        }
    }

    @Test
    void openLoopRequestsWaitForTheirScheduledStart() {
        ScriptedClient client = ScriptedClient.of("test/instant", ScriptedClient.answering("ok", USAGE));
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        RunSummary summary = run(client, new Plan(requests("test/instant", 5),
                new LoadShape.Open(20, LoadShape.Arrival.CONSTANT, 1, 8), Map.of(), Duration.ofSeconds(5), null),
                samples);
        long took = System.nanoTime() - start;
        assertEquals(5, summary.completed());
        assertTrue(took >= 200 * MS, "the fifth request is scheduled 200 ms in: the run took " + took / MS + " ms");
        for (Sample s : samples) {
            assertTrue(s.queueNanos() >= 0, "sent " + s.queueNanos() / MS + " ms after its schedule");
        }
        Sample last = samples.stream().max((a, b) -> Long.compare(a.sequence(), b.sequence())).orElseThrow();
        assertTrue(summary.endedNanos() >= 200 * MS && summary.endedNanos() <= took,
                "ended " + summary.endedNanos() / MS + " ms into a run of " + took / MS + " ms");
        assertEquals(200 * MS, last.scheduledNanos(), 2 * MS);
    }

    @Test
    void requestsThatQueueBehindASlowModelAreCountedAsLate() {
        // 10 requests 20 ms apart to a model that serves one at a time in 60 ms: request i cannot start before
        // i × 60 ms, i × 40 ms after its schedule, so at least the last nine start late.
        ScriptedClient client = ScriptedClient.of("test/slow", taking(60));
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        RunSummary summary = run(client, new Plan(requests("test/slow", 10),
                new LoadShape.Open(50, LoadShape.Arrival.CONSTANT, 1, 1), Map.of(), Duration.ofSeconds(5), null),
                samples);
        assertTrue(summary.lateStarts() >= 9, "late starts " + summary.lateStarts());
        assertTrue(summary.maxLatenessNanos() >= 9 * 40 * MS, "worst " + summary.maxLatenessNanos() / MS + " ms");
        long sumOfLowerBounds = 0;
        for (int i = 1; i < 10; i++) {
            sumOfLowerBounds += i * 40 * MS;
        }
        assertTrue(summary.totalLatenessNanos() >= sumOfLowerBounds,
                "total " + summary.totalLatenessNanos() / MS + " ms");
        assertTrue(summary.maxLatenessNanos() <= summary.totalLatenessNanos());
        assertTrue(summary.maxLatenessNanos() < 5_000 * MS, "worst " + summary.maxLatenessNanos() / MS + " ms");
    }

    @Test
    void perProviderSlotsQueueClosedLoopRequestsAndTheWaitIsReportedApart() {
        ScriptedClient client = ScriptedClient.of("test/one-slot", taking(50));
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        run(client, new Plan(requests("test/one-slot", 4), new LoadShape.Closed(4), Map.of("test", 1),
                Duration.ofSeconds(5), null), samples);
        List<Long> queues = samples.stream().map(Sample::queueNanos).sorted().toList();
        assertEquals(4, queues.size());
        for (int i = 1; i < 4; i++) {
            assertTrue(queues.get(i) >= i * 50 * MS, "the " + i + "th in line waited " + queues.get(i) / MS + " ms");
            assertTrue(queues.get(i) < 5_000 * MS, "waited " + queues.get(i) / MS + " ms");
        }
        for (Sample s : samples) {
            assertTrue(s.e2eNanos() >= 50 * MS, "e2e " + s.e2eNanos() / MS + " ms");
        }
        long waitedLongest = samples.stream().mapToLong(Sample::queueNanos).max().orElseThrow();
        Sample last = samples.stream().filter(s -> s.queueNanos() == waitedLongest).findFirst().orElseThrow();
        assertTrue(last.e2eNanos() < waitedLongest, "its latency counts from when it was sent, not the wait: "
                + last.e2eNanos() / MS + " ms");
    }

    @Test
    void aDurationCapEndsARunOfEndlessRequests() {
        ScriptedClient client = ScriptedClient.of("test/steady", taking(20));
        RequestSource endless = new RequestSource() {
            @Override
            public long size() {
                return Long.MAX_VALUE;
            }

            @Override
            public PlannedRequest get(long index) {
                return new PlannedRequest(index, "test/steady", "p", 0, List.of(Message.user("x")), null, false);
            }
        };
        long start = System.nanoTime();
        RunSummary summary = run(client, new Plan(endless, new LoadShape.Closed(2), Map.of(), Duration.ofSeconds(5),
                Duration.ofMillis(300)), Collections.synchronizedList(new ArrayList<>()));
        long took = System.nanoTime() - start;
        assertTrue(took >= 300 * MS && took < 5_000 * MS, "took " + took / MS + " ms");
        assertTrue(summary.dispatched() >= 2 && summary.dispatched() <= took / (20 * MS) * 2 + 2,
                "dispatched " + summary.dispatched());
        assertFalse(summary.interrupted());
    }

    @Test
    void cancellingEndsHangingRequestsAndDeliversNoneOfThem() throws Exception {
        ScriptedClient client = ScriptedClient.of("test/hanging", ScriptedClient.hanging());
        List<Sample> delivered = Collections.synchronizedList(new ArrayList<>());
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/hanging", client), TokenCounting.ALWAYS);
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            orchestrator.warmUpClients();
            timer.schedule(orchestrator::cancel, 200, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            RunSummary summary = orchestrator.run(new Plan(requests("test/hanging", 10), new LoadShape.Closed(1),
                    Map.of(), Duration.ofSeconds(30), null), delivered::add);
            long took = System.nanoTime() - start;
            assertTrue(took >= 150 * MS && took < 10_000 * MS, "took " + took / MS + " ms of a 30 s timeout");
            assertTrue(summary.interrupted());
            assertEquals(1, summary.dispatched(), "nothing is sent after the cancellation");
            assertEquals(0, summary.completed());
        }
        assertTrue(delivered.isEmpty(), "a request cut by Ctrl-C measures nothing of the endpoint: " + delivered);
        assertEquals(1, client.requests().get());
    }

    @Test
    void aCancellationTheEndpointReportsItselfIsASample() {
        ScriptedClient client = ScriptedClient.of("test/cancels",
                (request, handler) -> handler.onError(new CancellationException("stream cancelled upstream")));
        List<Sample> delivered = Collections.synchronizedList(new ArrayList<>());
        RunSummary summary = run(client, new Plan(requests("test/cancels", 3), new LoadShape.Closed(1), Map.of(),
                Duration.ofSeconds(5), null), delivered);
        assertEquals(3, summary.completed());
        assertEquals(3, delivered.size());
        assertTrue(delivered.stream().allMatch(s -> s.error().errorClass() == ErrorClass.CANCELLED));
        assertFalse(summary.interrupted());
    }

    @Test
    void everyListenerHearsEverySampleInTurn() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        SampleListener both = SampleListener.all(s -> heard.add("a" + s.sequence()),
                s -> heard.add("b" + s.sequence()));
        ScriptedClient client = ScriptedClient.of("test/instant", ScriptedClient.answering("ok", USAGE));
        try (Orchestrator orchestrator = new Orchestrator(Map.of("test/instant", client), TokenCounting.ALWAYS)) {
            orchestrator.run(new Plan(requests("test/instant", 2), new LoadShape.Closed(1), Map.of(),
                    Duration.ofSeconds(5), null), both);
        }
        assertEquals(List.of("a0", "b0", "a1", "b1"), heard);
        SampleListener.all().onSample(null); // no listeners: nothing to call
        SampleListener.all(s -> heard.add("c")).onSample(null);
        assertEquals("c", heard.getLast());
    }
}
