package dev.yardstick.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The optional YAML config file: named endpoints, per-model settings and prices, defaults for every model, and
 * pools of endpoints. Looked up from {@code --config}, then {@code YARDSTICK_CONFIG}, then {@code ./yardstick.yaml}.
 *
 * @param pools the pools {@code -m pool:NAME} runs, by name
 * @param file  the file it was read from, for errors that point into it; null for no file
 */
public record YardstickConfig(Map<String, EndpointConfig> endpoints, Map<String, ModelConfig> models,
                              ModelConfig defaults, Map<String, PoolConfig> pools, @JsonIgnore Path file) {

    public static final YardstickConfig EMPTY = new YardstickConfig(Map.of(), Map.of(), null);

    public YardstickConfig {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        models = models == null ? Map.of() : Map.copyOf(models);
        pools = pools == null ? Map.of() : Map.copyOf(pools);
    }

    /** A config without pools, read from no file. */
    public YardstickConfig(Map<String, EndpointConfig> endpoints, Map<String, ModelConfig> models,
                           ModelConfig defaults) {
        this(endpoints, models, defaults, null, null);
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
        String text = TextFiles.readText(file);
        YardstickConfig read = YamlFiles.parse(file, text, YardstickConfig.class);
        read.checkPoolMembers(file, text);
        return new YardstickConfig(read.endpoints, read.models, read.defaults, read.pools, file);
    }

    /** A pool member naming an endpoint the file does not define is a mistake at that member's line. */
    private void checkPoolMembers(Path file, String text) {
        pools.forEach((name, pool) -> pool.members().forEach(member -> {
            if (member.endpoint() != null && !endpoints.containsKey(member.endpoint())) {
                throw InputException.inFile(file.toString(), KeyLines.firstLineNaming(text, "endpoint",
                        member.endpoint()), "pools." + name + ".members.endpoint", UnknownFields.problem("endpoint",
                        member.endpoint(), endpoints.keySet().stream().toList()) + " (define it under endpoints:)");
            }
        }));
    }

    /**
     * The pool {@code -m pool:NAME} names; an unknown name is a mistake pointing at the file's pools (or the file).
     */
    public PoolConfig pool(String name) {
        PoolConfig pool = pools.get(name);
        if (pool != null) {
            return pool;
        }
        String known = pools.isEmpty() ? "it defines no pools: add a 'pools:' section"
                : UnknownFields.problem("pool", name, pools.keySet().stream().toList());
        if (file == null) {
            throw new InputException("pool:" + name + ": no config file names it (give --config FILE with a 'pools:'"
                    + " section)");
        }
        int line = KeyLines.firstLineNaming(TextFiles.readText(file), "pools");
        throw InputException.inFile(file.toString(), line, pools.isEmpty() ? null : "pools",
                pools.isEmpty() ? "no pool '" + name + "': " + known : known);
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
