package dev.yardstick.switching;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.TokenCounter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The opened models as switch-test uses them: each request passes the fault injector, then reaches the provider
 * through a listener that records what it received. The orchestrator runs these clients; the turn runner reads
 * each model's {@link ReceivedLog}. Closing stays with whoever opened the underlying clients.
 */
final class ObservedClients {

    private final Map<String, ModelClient> clients = new LinkedHashMap<>();
    private final Map<String, ReceivedLog> logs = new LinkedHashMap<>();

    ObservedClients(Map<String, ModelClient> opened, FaultSchedule faults) {
        opened.forEach((label, client) -> {
            ReceivedLog log = new ReceivedLog();
            StreamingChatModel chain = new FaultInjector(new ListenedChatModel(client.chatModel(), log), label, faults);
            logs.put(label, log);
            clients.put(label, new Observed(client, chain));
        });
    }

    Map<String, ModelClient> clients() {
        return Map.copyOf(clients);
    }

    ModelClient client(String label) {
        return clients.get(label);
    }

    ReceivedLog log(String label) {
        return logs.get(label);
    }

    /** The opened client with its chat model replaced by the observed chain; everything else is the client's. */
    private record Observed(ModelClient inner, StreamingChatModel chatModel) implements ModelClient {

        @Override
        public ModelSpec spec() {
            return inner.spec();
        }

        @Override
        public TokenCounter tokenCounter() {
            return inner.tokenCounter();
        }

        @Override
        public OptionalInt contextWindow() {
            return inner.contextWindow();
        }

        @Override
        public boolean synthetic() {
            return inner.synthetic();
        }

        @Override
        public int maxConcurrency() {
            return inner.maxConcurrency();
        }

        @Override
        public ClientWarmup clientWarmup() {
            return inner.clientWarmup(); // around the fault injector: a warm-up is no turn and must draw no fault
        }
    }
}
