package dev.yardstick.provider;

import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.tokens.EstimatingCounter;
import dev.yardstick.provider.tokens.TokenCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Each model's own tokenizer, for counting tokens outside a run (sample prompts, usage logs): hosted models by
 * their name (jtokkit for OpenAI families, a marked estimate otherwise); models of an {@link Provider#inProcess()
 * in-process} provider (local GGUF, mock) from the model itself, opened once and closed with this. A model that
 * cannot be opened is estimated, with a warning.
 */
public final class ModelTokenizers implements Function<String, TokenCounter>, AutoCloseable {

    private final ProviderRegistry registry;
    private final Consumer<String> warnings;
    private final Map<String, TokenCounter> counters = new HashMap<>();
    private final List<OpenedModels> opened = new ArrayList<>();

    /** @param warnings told, in one line, of a model whose tokens are estimated because it could not be opened */
    public ModelTokenizers(ProviderRegistry registry, Consumer<String> warnings) {
        this.registry = registry;
        this.warnings = warnings;
    }

    @Override
    public TokenCounter apply(String label) {
        return counters.computeIfAbsent(label, this::counter);
    }

    private TokenCounter counter(String label) {
        ModelSpec spec = ModelSpec.parse(label);
        if (!registry.inProcess(spec.provider())) {
            return TokenCounters.forModel(label);
        }
        try {
            OpenedModels models = registry.open(List.of(spec));
            opened.add(models);
            return models.get(spec.label()).tokenCounter();
        } catch (RuntimeException e) {
            warnings.accept("yardstick: warning: cannot open " + label + " to count its tokens ("
                    + e.getMessage() + "); estimating them");
            return EstimatingCounter.INSTANCE;
        }
    }

    @Override
    public void close() {
        opened.forEach(OpenedModels::close);
    }
}
