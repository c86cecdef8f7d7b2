package dev.yardstick.config;

/** Settings for one model ({@code provider/model}) from the config file. */
public record ModelConfig(Double temperature, Integer maxTokens, Integer seed, String baseUrl, String timeout,
                          Integer contextWindow, PriceConfig price) {

    public ModelConfig {
        // Checked as the file is read, so that a mistake names its line rather than surfacing at the first request.
        new ModelParams(temperature, maxTokens, seed, baseUrl, timeout == null ? null : Durations.parse("timeout", timeout));
        if (contextWindow != null && contextWindow < 1) {
            throw new FieldException("context-window", "must be at least 1 token, got " + contextWindow);
        }
    }

    public ModelParams params() {
        return new ModelParams(temperature, maxTokens, seed, baseUrl, timeout == null ? null : Durations.parse(timeout));
    }
}
