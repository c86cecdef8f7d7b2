package dev.yardstick.config;

import java.time.Duration;

/**
 * Generation and connection parameters for one model. Every field is optional (null = provider default);
 * {@link #overriddenBy} lets flags win over a config file, which wins over built-in defaults.
 */
public record ModelParams(Double temperature, Integer maxTokens, Integer seed, String baseUrl, Duration timeout) {

    public static final ModelParams DEFAULTS = new ModelParams(null, null, null, null, null);

    public ModelParams {
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new FieldException("temperature", "must be between 0 and 2, got " + temperature);
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw new FieldException("max-tokens", "must be positive, got " + maxTokens);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new FieldException("timeout", "must be positive, got " + Durations.format(timeout));
        }
        String urlProblem = baseUrl == null ? null : BaseUrls.problem(baseUrl);
        if (urlProblem != null) {
            throw new FieldException("base-url", urlProblem);
        }
    }

    /** The values of {@code other} where set, ours elsewhere. */
    public ModelParams overriddenBy(ModelParams other) {
        if (other == null) {
            return this;
        }
        return new ModelParams(
                other.temperature != null ? other.temperature : temperature,
                other.maxTokens != null ? other.maxTokens : maxTokens,
                other.seed != null ? other.seed : seed,
                other.baseUrl != null ? other.baseUrl : baseUrl,
                other.timeout != null ? other.timeout : timeout);
    }
}
