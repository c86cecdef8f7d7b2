package dev.yardstick.cli;

import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.tokens.EstimatingCounter;
import dev.yardstick.provider.tokens.TokenCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Each model's own tokenizer, for counting sample prompts: hosted models by their name (jtokkit for OpenAI
 * families, a marked estimate otherwise); in-process models (local GGUF, mock) from the model itself, opened once
 * and closed with this. A local model that cannot be opened is estimated, with a warning.
 */
final class ModelTokenizers implements Function<String, TokenCounter>, AutoCloseable {

    private static final Set<String> IN_PROCESS = Set.of("local", "mock");

    private final ProviderRegistry registry;
    private final Session session;
    private final Map<String, TokenCounter> counters = new HashMap<>();
    private final List<OpenedModels> opened = new ArrayList<>();

    ModelTokenizers(ProviderRegistry registry, Session session) {
        this.registry = registry;
        this.session = session;
    }

    @Override
    public TokenCounter apply(String label) {
        return counters.computeIfAbsent(label, this::counter);
    }

    private TokenCounter counter(String label) {
        ModelSpec spec = ModelSpec.parse(label);
        if (!IN_PROCESS.contains(spec.provider())) {
            return TokenCounters.forModel(label);
        }
        try {
            OpenedModels models = registry.open(List.of(spec));
            opened.add(models);
            return models.get(spec.label()).tokenCounter();
        } catch (RuntimeException e) {
            session.log("yardstick: warning: cannot open " + label + " to count its tokens ("
                    + e.getMessage() + "); estimating them");
            return EstimatingCounter.INSTANCE;
        }
    }

    @Override
    public void close() {
        opened.forEach(OpenedModels::close);
    }
}
