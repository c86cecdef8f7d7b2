package dev.yardstick.provider;

import dev.yardstick.config.YardstickConfig;
import java.util.Map;

/** What a provider may look at: the environment (for keys and base URLs) and the config file. */
public record ProviderContext(Map<String, String> env, YardstickConfig config) {

    public ProviderContext {
        env = Map.copyOf(env);
        config = config == null ? YardstickConfig.EMPTY : config;
    }

    public static ProviderContext fromSystem(YardstickConfig config) {
        return new ProviderContext(System.getenv(), config);
    }

    public String env(String name) {
        return env.get(name);
    }
}
