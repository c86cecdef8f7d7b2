package dev.yardstick.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The optional YAML config file: named endpoints, per-model settings and prices, and defaults for every model.
 * Looked up from {@code --config}, then {@code YARDSTICK_CONFIG}, then {@code ./yardstick.yaml}.
 */
public record YardstickConfig(Map<String, EndpointConfig> endpoints, Map<String, ModelConfig> models,
                              ModelConfig defaults) {

    public static final YardstickConfig EMPTY = new YardstickConfig(Map.of(), Map.of(), null);

    public YardstickConfig {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    public static YardstickConfig load(Path explicit, Map<String, String> env) {
        Path file = explicit;
        if (file == null && env.get("YARDSTICK_CONFIG") != null) {
            file = Path.of(env.get("YARDSTICK_CONFIG"));
        }
        if (file == null) {
            Path local = Path.of("yardstick.yaml");
            if (!Files.isRegularFile(local)) {
                return EMPTY;
            }
            file = local;
        }
        return YamlFiles.read(file, YardstickConfig.class);
    }

    public Optional<EndpointConfig> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }

    public Optional<ModelConfig> model(String label) {
        return Optional.ofNullable(models.get(label));
    }

    /** Parameters for a model: defaults, then the model's own entry, then what the caller gives (flags). */
    public ModelParams paramsFor(ModelSpec spec) {
        ModelParams params = defaults == null ? ModelParams.DEFAULTS : defaults.params();
        params = params.overriddenBy(model(spec.label()).map(ModelConfig::params).orElse(null));
        return params.overriddenBy(spec.params());
    }
}
