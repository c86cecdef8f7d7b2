package dev.yardstick.switching.integrity;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.provider.ModelClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The opened models as switch-test uses them: each request reaches the provider through a listener that records
 * what it received (an injected fault stands in front of it, per try). The orchestrator runs these clients; the turn runner reads
 * each model's {@link ReceivedLog}. Closing stays with whoever opened the underlying clients.
 */
public final class ObservedClients {

    private final Map<String, ModelClient> clients = new LinkedHashMap<>();
    private final Map<String, ReceivedLog> logs = new LinkedHashMap<>();

    public ObservedClients(Map<String, ModelClient> opened) {
        opened.forEach((label, client) -> {
            ReceivedLog log = new ReceivedLog();
            StreamingChatModel listened = new ListenedChatModel(client.chatModel(), log);
            logs.put(label, log);
            clients.put(label, client.withChatModel(listened));
        });
    }

    public Map<String, ModelClient> clients() {
        return Map.copyOf(clients);
    }

    public ModelClient client(String label) {
        return clients.get(label);
    }

    public ReceivedLog log(String label) {
        return logs.get(label);
    }
}
