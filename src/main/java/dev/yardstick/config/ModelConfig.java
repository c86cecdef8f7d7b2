package dev.yardstick.config;

/** Settings for one model ({@code provider/model}) from the config file. */
public record ModelConfig(Double temperature, Integer maxTokens, Integer seed, String baseUrl, String timeout,
                          Integer contextWindow, PriceConfig price) {

    public ModelParams params() {
        return new ModelParams(temperature, maxTokens, seed, baseUrl, timeout == null ? null : Durations.parse(timeout));
    }
}
