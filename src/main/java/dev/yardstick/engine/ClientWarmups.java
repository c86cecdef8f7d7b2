package dev.yardstick.engine;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every model's {@link ClientWarmup} once before the first measured request: one small request through the
 * warm-up's model, by the same {@link RequestExecutor} and stream recorder the measured requests use, the model's
 * tokenizer once, and the warm-up's probe beside them. All models are warmed at once, each on its own virtual
 * thread, so start-up does not grow with the number of models. Nothing of it reaches a listener or a statistic.
 */
final class ClientWarmups {

    /** Loopback and in-process answers come in milliseconds; this only bounds a broken one. */
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);
    /** The probe goes to the real endpoint: a slow or silent one must not hold up the run. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(5);
    private static final List<Message> MESSAGES = List.of(Message.user("Say hello."));
    /** Two tokens: enough to run the path between two content chunks as well as the first. */
    private static final ModelParams PARAMS = new ModelParams(null, 2, null, null, null);

    private final RequestExecutor executor;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    ClientWarmups(RequestExecutor executor) {
        this.executor = executor;
    }

    /** Warms every client and waits for all of them. */
    ClientWarmupReport run(Map<String, ModelClient> clients) {
        long start = System.nanoTime();
        List<Future<ClientWarmupReport.Model>> running = new ArrayList<>();
        new java.util.TreeMap<>(clients).forEach((label, client) -> // by label: the report's order is stable
                running.add(threads.submit(() -> warm(label, client))));
        List<ClientWarmupReport.Model> done = new ArrayList<>();
        for (Future<ClientWarmupReport.Model> future : running) {
            try {
                done.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // warm() reports its own failures; an unexpected one leaves this model out of the report
            }
        }
        return new ClientWarmupReport(millis(System.nanoTime() - start), done);
    }

    /** Ends the warm-ups in flight (Ctrl-C). */
    void cancel() {
        threads.shutdownNow();
    }

    private ClientWarmupReport.Model warm(String label, ModelClient client) throws InterruptedException {
        long start = System.nanoTime();
        String failure = null;
        try (ClientWarmup warmup = client.clientWarmup()) {
            Thread probe = warmup.probe() == null ? null : Thread.ofVirtual().start(warmup.probe());
            if (warmup.chatModel() != null) {
                PlannedRequest request = new PlannedRequest(-1, label, "client-warmup", 0, MESSAGES, PARAMS, true);
                long now = System.nanoTime();
                Sample sample = executor.execute(request, warmup.chatModel(), client.tokenCounter(), now, now, now,
                        REQUEST_LIMIT, null);
                client.tokenCounter().count(sample.text().isEmpty() ? MESSAGES.getFirst().content() : sample.text());
                failure = sample.error() == null ? null
                        : sample.error().errorClass().label() + ": " + sample.error().message();
            }
            if (probe != null && !probe.join(PROBE_LIMIT)) {
                probe.interrupt();
                failure = failure != null ? failure : "probe unanswered within " + PROBE_LIMIT.toSeconds() + " s";
            }
            return new ClientWarmupReport.Model(label, warmup.method(), millis(System.nanoTime() - start), failure);
        } catch (RuntimeException e) {
            return new ClientWarmupReport.Model(label, "failed", millis(System.nanoTime() - start),
                    e.getClass().getSimpleName());
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
