package dev.yardstick.engine.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.Plan;
import dev.yardstick.engine.Plans;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.engine.RunSummary;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounting;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.mock.MockProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request chain inside the orchestrator, over a mock model whose timing is known. */
class RequestChainTest {

    private static final String MODEL = "mock/fast?ttft=20ms&itl=2ms&tokens=5&jitter=0";
    private static final long MS = 1_000_000;

    private static ModelClient mock() {
        return new MockProvider().open(ModelSpec.parse(MODEL), new ProviderContext(Map.of(), YardstickConfig.EMPTY));
    }

    private static RequestChain chain(int retries, String... faults) {
        List<Fault> parsed = new ArrayList<>();
        for (String f : faults) {
            parsed.add(Fault.parseForRequests(f));
        }
        return new RequestChain(RetryPolicy.retries(retries), new FaultSchedule(parsed), 1);
    }

    private static List<Sample> run(RequestMiddleware middleware, int requests, Orchestrator[] handle) {
        ModelClient client = mock();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        PromptSet prompts = PromptSet.single("p", List.of(Message.user("Once upon a time")));
        try (Orchestrator orchestrator = new Orchestrator(Map.of(client.spec().label(), client),
                TokenCounting.ALWAYS, middleware)) {
            if (handle != null) {
                handle[0] = orchestrator;
            }
            Plan plan = new Plan(Plans.matrix(List.of(client.spec().label()), prompts, requests,
                    ModelParams.DEFAULTS, 1), new LoadShape.Closed(1), Map.of(), Duration.ofSeconds(5), null);
            RunSummary summary = orchestrator.run(plan, samples::add);
            assertTrue(summary.interrupted() || summary.completed() == requests, summary.toString());
        }
        samples.sort(Comparator.comparingLong(Sample::sequence));
        return samples;
    }

    private static List<Sample> measured(List<Sample> samples) {
        return samples.stream().filter(s -> !s.warmup()).toList();
    }

    @Test
    void aRetriedRequestIsOneSampleTimedFromItsFirstTry() {
        // The second measured request fails once with a 503 asking for 300 ms, then answers.
        List<Sample> samples = measured(run(chain(2, MODEL + ":503=300ms@2x1"), 3, null));
        assertEquals(3, samples.size(), "a retry is no new sample");
        Sample plain = samples.get(0);
        Sample retried = samples.get(1);
        assertEquals(1, plain.attempts());
        assertEquals(0, plain.retryNanos());
        assertEquals(2, retried.attempts());
        assertTrue(retried.ok(), "the answer after the retry is the request's answer");
        assertTrue(retried.retryNanos() >= 300 * MS, "the wait honoured the Retry-After: " + retried.retryNanos());
        assertTrue(retried.e2eNanos() >= retried.retryNanos() + 20 * MS, "E2E spans the first try to the answer");
        assertTrue(retried.ttftNanos() >= retried.retryNanos() + 20 * MS, "so does TTFT: " + retried.ttftNanos());
        assertTrue(retried.ttftWithoutRetriesNanos() >= 20 * MS
                        && retried.ttftWithoutRetriesNanos() < retried.ttftNanos() - 290 * MS,
                "the answering try alone: " + retried.ttftWithoutRetriesNanos());
        assertEquals(retried.e2eNanos() - retried.retryNanos(), retried.e2eWithoutRetriesNanos());
    }

    @Test
    void aRequestThatFailsEveryTryKeepsItsErrorClassAndCountsItsTries() {
        List<Sample> samples = measured(run(chain(2, MODEL + ":429=10ms@1"), 2, null));
        Sample failed = samples.get(0);
        assertFalse(failed.ok(), "three failed tries are no success");
        assertEquals(ErrorClass.RATE_LIMITED, failed.error().errorClass());
        assertEquals(429, failed.error().httpStatus());
        assertEquals(3, failed.attempts());
        assertTrue(samples.get(1).ok());
        assertEquals(1, samples.get(1).attempts(), "the fault hit the first request only");
    }

    @Test
    void aClientErrorIsNotRetried() {
        Sample sample = measured(run(chain(3, MODEL + ":400@1"), 1, null)).get(0);
        assertEquals(ErrorClass.HTTP_4XX, sample.error().errorClass());
        assertEquals(1, sample.attempts());
    }

    @Test
    void withoutRetriesAFaultIsTheRequestsError() {
        List<Sample> samples = measured(run(chain(0, MODEL + ":500x2"), 4, null));
        assertEquals(List.of(false, false, true, true), samples.stream().map(Sample::ok).toList(),
                "x2 without @N: the run's first two tries");
        assertTrue(samples.stream().allMatch(s -> s.attempts() == 1));
    }

    @Test
    void warmUpsDrawNoFaultAndCountTowardNoRequestNumber() {
        List<Sample> all = run(chain(0, MODEL + ":503@1"), 2, null);
        assertTrue(all.get(0).warmup() && all.get(0).ok(), "the warm-up went straight through");
        assertEquals(List.of(false, true), measured(all).stream().map(Sample::ok).toList());
    }

    @Test
    void cancellingEndsABackoffWait() throws Exception {
        // Every try fails asking for 20 s: the retry would wait that long.
        Orchestrator[] handle = new Orchestrator[1];
        CompletableFuture<List<Sample>> running = CompletableFuture.supplyAsync(
                () -> run(chain(2, MODEL + ":503=20s"), 1, handle));
        while (handle[0] == null) {
            Thread.sleep(20);
        }
        Thread.sleep(1_000); // the first try (20 ms) failed long ago: the request is in its 20 s wait
        assertFalse(running.isDone());
        long cancelledAt = System.nanoTime();
        handle[0].cancel();
        List<Sample> samples = running.get(10, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - cancelledAt) / MS;
        assertTrue(tookMs < 5_000, "the wait ended with the run: " + tookMs + " ms");
        assertEquals(List.of(), measured(samples), "a request cut off in its wait is no measurement");
    }

    @Test
    void faultsForRequestsReadTheirStepAndCount() {
        Fault every = Fault.parseForRequests("mock/fast:503");
        assertTrue(every.wholeRun());
        assertEquals(Fault.EVERY_TRY, every.times());
        Fault third = Fault.parseForRequests("mock/fast:503@3x1");
        assertFalse(third.wholeRun());
        assertTrue(third.appliesAt(3) && !third.appliesAt(2));
        assertEquals(1, third.times());
        Fault twice = Fault.parseForRequests("ollama/llama3:8b:timeout x2".replace(" ", ""));
        assertEquals("ollama/llama3:8b", twice.model());
        assertEquals(Fault.Kind.TIMEOUT, twice.kind());
        assertEquals(2, twice.times());
        assertNull(Fault.parseForRequests("mock/fast:500").retryAfter());

        // xK counts the model's tries, whichever fault failed them: the first try at request 3 was already failed.
        FaultSchedule schedule = new FaultSchedule(List.of(twice, third.forModel("ollama/llama3:8b")));
        assertEquals(twice, schedule.next("ollama/llama3:8b", 1));
        assertEquals(twice, schedule.next("ollama/llama3:8b", 3));
        assertNull(schedule.next("ollama/llama3:8b", 3), "both spent");
        assertNull(schedule.next("mock/other", 3));
        FaultSchedule alone = new FaultSchedule(List.of(third.forModel("ollama/llama3:8b")));
        assertNull(alone.next("ollama/llama3:8b", 2));
        assertEquals("ollama/llama3:8b", alone.next("ollama/llama3:8b", 3).model());
        assertNull(alone.next("ollama/llama3:8b", 3), "x1: the retry goes through");
    }
}
