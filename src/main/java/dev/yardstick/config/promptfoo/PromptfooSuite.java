package dev.yardstick.config.promptfoo;

import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptSet;
import java.util.List;
import java.util.Map;

/**
 * A promptfoo config mapped onto Yardstick: the prompt set (every prompt × every test, {@code defaultTest} under
 * each), the models its providers name, the endpoints the labelled or keyed providers became and the keys written
 * in the file (by the variable name their endpoint reads; never shown).
 */
public record PromptfooSuite(PromptSet prompts, List<ModelSpec> models, Map<String, EndpointConfig> endpoints,
                             Map<String, String> keys) {

    public PromptfooSuite {
        models = List.copyOf(models);
        endpoints = Map.copyOf(endpoints);
        keys = Map.copyOf(keys);
    }
}
