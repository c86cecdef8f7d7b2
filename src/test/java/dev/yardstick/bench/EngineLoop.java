package dev.yardstick.bench;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.Plan;
import dev.yardstick.engine.Plans;
import dev.yardstick.engine.RunSummary;
import dev.yardstick.engine.TokenCounting;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.mock.MockProvider;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The orchestrator's CPU per request without a network: a closed loop of {@code concurrency} over the in-process
 * {@code mock/instant} model (20 tokens, answered on the calling thread), the samples counted and dropped. What it
 * times is the engine's own work per request (its threads, slots, cancellation handle, per-try timeout, request and
 * sample building) plus the mock's answer, with no socket and no statistics.
 *
 * <pre>java -XX:+UseSerialGC -Xmx512m -Xms16m -cp target/yardstick.jar:target/test-classes \
 *     dev.yardstick.bench.EngineLoop [requests] [rounds] [concurrency]</pre>
 *
 * Prints the process's CPU µs per request for each round (the first rounds are the JIT's), then the lowest and the
 * median: on a shared machine the lowest is the least disturbed.
 */
public final class EngineLoop {

    private EngineLoop() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        ModelClient client = new MockProvider().open(ModelSpec.parse("mock/instant?tokens=20"),
                new ProviderContext(Map.of(), YardstickConfig.EMPTY));
        String label = client.spec().label();
        PromptSet prompts = PromptSet.single("p",
                List.of(Message.user("one two three four five six seven eight nine ten eleven twelve")));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] micros = new double[rounds];
        try (Orchestrator orchestrator = new Orchestrator(Map.of(label, client), TokenCounting.ALWAYS)) {
            for (int round = 0; round < rounds; round++) {
                LongAdder ok = new LongAdder();
                Plan plan = new Plan(Plans.matrix(List.of(label), prompts, requests, ModelParams.DEFAULTS, 0),
                        new LoadShape.Closed(concurrency), Map.of(), Duration.ofSeconds(30), null);
                long cpuFrom = os.getProcessCpuTime();
                long from = System.nanoTime();
                RunSummary summary = orchestrator.run(plan, sample -> {
                    if (sample.ok()) {
                        ok.increment();
                    }
                });
                long wall = System.nanoTime() - from;
                micros[round] = (os.getProcessCpuTime() - cpuFrom) / 1e3 / requests;
                if (summary.completed() != requests || ok.sum() != requests) {
                    throw new IllegalStateException("completed " + summary.completed() + ", ok " + ok.sum());
                }
                System.out.printf("round %d: %.2f µs CPU per request, %.0f requests/s%n", round, micros[round],
                        requests / (wall / 1e9));
            }
        }
        double[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("lowest %.2f, median %.2f µs CPU per request over %d rounds%n", sorted[0],
                sorted[sorted.length / 2], rounds);
    }
}
