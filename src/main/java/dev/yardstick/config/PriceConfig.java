package dev.yardstick.config;

/**
 * A price the user sets in the config file, in USD per million tokens (as the providers' price pages state them).
 * {@code perHour} prices self-hosted models by the hour of the machine that serves them.
 */
public record PriceConfig(Double input, Double cachedInput, Double cacheWrite, Double output, Double perHour,
                          String source) {
}
