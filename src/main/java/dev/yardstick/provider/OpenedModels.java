package dev.yardstick.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models a run opened, by label, closed together at its end. */
public final class OpenedModels implements AutoCloseable {

    private final Map<String, ModelClient> byLabel = new LinkedHashMap<>();

    OpenedModels(List<ModelClient> clients) {
        for (ModelClient client : clients) {
            byLabel.putIfAbsent(client.spec().label(), client);
        }
    }

    public Map<String, ModelClient> byLabel() {
        return Map.copyOf(byLabel);
    }

    public ModelClient get(String label) {
        return byLabel.get(label);
    }

    public List<String> labels() {
        return List.copyOf(byLabel.keySet());
    }

    @Override
    public void close() {
        byLabel.values().forEach(ModelClient::close);
    }
}
