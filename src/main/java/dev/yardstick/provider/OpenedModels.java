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

    /**
     * Per provider, how many requests its in-process models can serve at once (one llama.cpp context serves one);
     * providers without such a limit are left out.
     */
    public Map<String, Integer> inProcessLimits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (ModelClient client : byLabel.values()) {
            if (client.maxConcurrency() < Integer.MAX_VALUE) {
                limits.merge(client.spec().provider(), client.maxConcurrency(), Math::min);
            }
        }
        return limits;
    }

    @Override
    public void close() {
        byLabel.values().forEach(ModelClient::close);
    }
}
