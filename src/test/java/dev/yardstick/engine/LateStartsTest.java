package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Open loop: the count of requests that started late is of measured requests only. Warm-ups queue behind a cold
 * or slow model by design; counting them would report a schedule the measured requests kept as missed.
 */
class LateStartsTest {

    private static final long MS = 1_000_000;

    @Test
    void warmupsThatStartLateAreNotCountedAsLateStarts() {
        // Three warm-ups to a mock that serves one at a time in 150 ms, offered every 10 ms: the second and third
        // wait for its slot, well over 100 ms. The measured requests go to a loopback server that answers at once,
        // with no limit: nothing holds them.
        ProviderContext context = new ProviderContext(Map.of("OPENAI_API_KEY", "sk-test"), YardstickConfig.EMPTY);
        try (LoopbackLlmServer server = LoopbackLlmServer.start();
             OpenedModels models = ProviderRegistry.create(context, List.of(), LeanHttpClient::builder).open(List.of(
                     ModelSpec.parse("mock/fast?ttft=150ms&tokens=1&jitter=0"),
                     ModelSpec.parse("openai/loopback-model").withParams(new ModelParams(null, null, null,
                             server.baseUrl(Protocol.OPENAI), null))));
             Orchestrator orchestrator = new Orchestrator(models.byLabel(), TokenCounting.WHEN_UNREPORTED)) {
            String slow = models.labels().get(0);
            String measured = models.labels().get(1);
            List<PlannedRequest> requests = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                requests.add(request(i, slow, true));
            }
            for (int i = 3; i < 8; i++) {
                requests.add(request(i, measured, false));
            }
            Plan plan = new Plan(RequestSource.of(requests), new LoadShape.Open(100, LoadShape.Arrival.CONSTANT, 1,
                    64), Map.of("mock", 1), Duration.ofSeconds(10), null);
            List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
            RunSummary summary = orchestrator.run(plan, samples::add);

            Sample lastWarmup = samples.stream().filter(s -> s.sequence() == 2).findFirst().orElseThrow();
            assertTrue(lastWarmup.queueNanos() > 200 * MS, "the third warm-up waited for the mock's slot: "
                    + lastWarmup.queueNanos() / MS + " ms");
            assertEquals(5, summary.dispatched(), "measured requests started");
            assertEquals(5, summary.completed(), "measured requests delivered");
            assertEquals(3, summary.warmups());
            // Before the fix the warm-ups' waits of 140 and 290 ms were the run's late starts and its worst one.
            assertTrue(summary.maxLatenessNanos() < 100 * MS, "worst measured lateness "
                    + summary.maxLatenessNanos() / MS + " ms");
            assertTrue(summary.lateStarts() <= 5);
        }
    }

    private static PlannedRequest request(long sequence, String model, boolean warmup) {
        return new PlannedRequest(sequence, model, "p", 0, List.of(Message.user("Once upon a time")), null, warmup);
    }
}
