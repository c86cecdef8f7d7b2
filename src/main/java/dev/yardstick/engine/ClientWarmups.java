package dev.yardstick.engine;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every model's {@link ClientWarmup} once before the first measured request: a few small requests per model
 * through the warm-up's model, dispatched by the orchestrator's own closed loop (its threads, slots, cancellation
 * handles, request executor and stream recorder: on a cold JVM each of them loads classes and links call sites
 * the first time it runs), the model's tokenizer, and the warm-up's probe beside them. All models are warmed
 * at once, so start-up does not grow with the number of models. No sample reaches a listener or a statistic.
 */
final class ClientWarmups {

    /** The orchestrator's closed loop, run over the warm-up's clients with the given listener. */
    @FunctionalInterface
    interface Loop {
        void run(Map<String, ModelClient> clients, Plan plan, SampleListener listener);
    }

    /** Loopback and in-process answers come in milliseconds; this only bounds a broken one. */
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);
    /** The probe goes to the real endpoint: a slow or silent one must not hold up the run. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(5);
    private static final List<Message> MESSAGES = List.of(Message.user("Say hello."));
    /** Two tokens: enough to run the path between two content chunks as well as the first. */
    private static final ModelParams PARAMS = new ModelParams(null, 2, null, null, null);
    /**
     * Rounds of warm-up requests per model, each after the last. One round loads the classes, but the JDK still
     * spins and links method-handle forms in the next few runs of the same code (a class-load log of a cold
     * benchmark shows them inside the first measured request after one round, and none after three). Each round
     * after the first takes milliseconds.
     */
    private static final int ROUNDS = 3;

    private ClientWarmups() {
    }

    static ClientWarmupReport run(Map<String, ModelClient> clients, Loop loop) {
        long start = System.nanoTime();
        Map<String, Opened> opened = open(new TreeMap<>(clients)); // by label: the report's order is stable
        Map<String, ModelClient> driven = new LinkedHashMap<>();
        List<PlannedRequest> requests = new ArrayList<>();
        opened.forEach((label, o) -> {
            if (o.warmup().chatModel() != null) {
                driven.put(label, o.client().withChatModel(o.warmup().chatModel()));
            }
        });
        for (int round = 0; round < ROUNDS; round++) {
            for (String label : driven.keySet()) {
                requests.add(new PlannedRequest(requests.size(), label, "client-warmup", round, MESSAGES, PARAMS,
                        true));
            }
        }
        Map<String, Long> endedAt = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        if (!requests.isEmpty()) {
            Plan plan = new Plan(RequestSource.of(requests), new LoadShape.Closed(driven.size()), Map.of(),
                    REQUEST_LIMIT, null);
            loop.run(driven, plan, sample -> {
                TokenCounter counter = clients.get(sample.model()).tokenCounter();
                counter.count(sample.text().isEmpty() ? MESSAGES.getFirst().content() : sample.text());
                if (sample.error() != null) {
                    failures.put(sample.model(), sample.error().errorClass().label() + ": " + sample.error().message());
                }
                endedAt.put(sample.model(), System.nanoTime());
            });
        }
        List<ClientWarmupReport.Model> models = new ArrayList<>();
        opened.forEach((label, o) -> {
            String failure = o.failure() != null ? o.failure() : failures.get(label);
            String probe = o.awaitProbe();
            long end = Math.max(endedAt.getOrDefault(label, o.openedAt().get()), o.probeEndedAt().get());
            models.add(new ClientWarmupReport.Model(label, o.warmup().method(), millis(end - start),
                    failure != null ? failure : probe));
            o.warmup().close();
        });
        return new ClientWarmupReport(millis(System.nanoTime() - start), models);
    }

    /** Each model's warm-up, set up at once (a hosted one builds a model and starts a stub), its probe started. */
    private static Map<String, Opened> open(Map<String, ModelClient> clients) {
        Map<String, Opened> opened = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<Opened>> futures = new LinkedHashMap<>();
            clients.forEach((label, client) -> futures.put(label, threads.submit(() -> Opened.of(client))));
            for (Map.Entry<String, Future<Opened>> f : futures.entrySet()) {
                try {
                    opened.put(f.getKey(), f.getValue().get());
                } catch (ExecutionException e) {
                    opened.put(f.getKey(), new Opened(clients.get(f.getKey()), ClientWarmup.NONE, null,
                            e.getCause().getClass().getSimpleName()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return opened;
    }

    /** @param openedAt, probeEndedAt System.nanoTime() when set up and when the probe ended (0: none ran) */
    private record Opened(ModelClient client, ClientWarmup warmup, Thread probe, String failure, AtomicLong openedAt,
                          AtomicLong probeEndedAt) {

        Opened(ModelClient client, ClientWarmup warmup, Thread probe, String failure) {
            this(client, warmup, probe, failure, new AtomicLong(System.nanoTime()), new AtomicLong());
        }

        static Opened of(ModelClient client) {
            ClientWarmup warmup = client.clientWarmup();
            AtomicLong probeEnded = new AtomicLong();
            Thread probe = warmup.probe() == null ? null : Thread.ofVirtual().start(() -> {
                warmup.probe().run();
                probeEnded.set(System.nanoTime());
            });
            return new Opened(client, warmup, probe, null, new AtomicLong(System.nanoTime()), probeEnded);
        }

        /** Waits for the probe; null when it answered (whatever it answered), else why not. */
        String awaitProbe() {
            try {
                if (probe != null && !probe.join(PROBE_LIMIT)) {
                    probe.interrupt();
                    return "probe unanswered within " + PROBE_LIMIT.toSeconds() + " s";
                }
                return null;
            } catch (InterruptedException e) {
                probe.interrupt();
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
