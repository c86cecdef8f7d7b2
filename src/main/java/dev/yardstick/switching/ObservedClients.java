package dev.yardstick.switching;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.provider.ModelClient;
import java.util.LinkedHashMap;
import java.util.Map;

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
            // The warm-up stays the client's own, around the fault injector: it is no turn and must draw no fault.
            clients.put(label, client.withChatModel(chain));
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
}
