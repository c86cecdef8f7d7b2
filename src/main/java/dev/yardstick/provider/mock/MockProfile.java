package dev.yardstick.provider.mock;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import java.time.Duration;
import java.util.Locale;

/**
 * How a mock model behaves: time to first token, delay between tokens (with relative jitter), output length, the
 * share of requests that fail and how, and the seed that makes it all repeatable. Named presets cover the usual
 * cases; any of them can be tuned in the model name: {@code mock/fast?ttft=20ms&itl=2ms&tokens=64&error-rate=0.1}.
 */
public record MockProfile(String name, Duration ttft, Duration itl, double jitter, int tokens, double errorRate,
                          int errorStatus, long seed) {

    public MockProfile {
        if (tokens < 1) {
            throw new InputException("mock '" + name + "': tokens must be at least 1");
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new InputException("mock '" + name + "': error-rate must be between 0 and 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new InputException("mock '" + name + "': jitter must be between 0 and 1");
        }
    }

    public static MockProfile parse(String model) {
        int query = model.indexOf('?');
        String preset = (query < 0 ? model : model.substring(0, query)).toLowerCase(Locale.ROOT);
        MockProfile profile = preset(preset);
        if (query >= 0) {
            for (String pair : model.substring(query + 1).split("&")) {
                if (!pair.isBlank()) {
                    profile = profile.with(pair);
                }
            }
        }
        return profile;
    }

    private static MockProfile preset(String preset) {
        return switch (preset) {
            case "instant" -> new MockProfile(preset, Duration.ZERO, Duration.ZERO, 0, 20, 0, 500, 1);
            case "fast" -> new MockProfile(preset, Duration.ofMillis(20), Duration.ofMillis(2), 0.1, 32, 0, 500, 1);
            case "slow" -> new MockProfile(preset, Duration.ofMillis(400), Duration.ofMillis(25), 0.2, 48, 0, 500, 1);
            case "flaky" -> new MockProfile(preset, Duration.ofMillis(50), Duration.ofMillis(5), 0.2, 32, 0.2, 503, 1);
            default -> throw new InputException("unknown mock model '" + preset
                    + "' (expected mock/instant, mock/fast, mock/slow or mock/flaky, tuned with ?ttft=&itl=&tokens=)");
        };
    }

    private MockProfile with(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new InputException("mock '" + name + "': malformed setting '" + pair + "' (expected key=value)");
        }
        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = pair.substring(eq + 1).trim();
        try {
            return switch (key) {
                case "ttft" -> new MockProfile(name, Durations.parse(value), itl, jitter, tokens, errorRate,
                        errorStatus, seed);
                case "itl" -> new MockProfile(name, ttft, Durations.parse(value), jitter, tokens, errorRate,
                        errorStatus, seed);
                case "jitter" -> new MockProfile(name, ttft, itl, Double.parseDouble(value), tokens, errorRate,
                        errorStatus, seed);
                case "tokens" -> new MockProfile(name, ttft, itl, jitter, Integer.parseInt(value), errorRate,
                        errorStatus, seed);
                case "error-rate" -> new MockProfile(name, ttft, itl, jitter, tokens, Double.parseDouble(value),
                        errorStatus, seed);
                case "error-status" -> new MockProfile(name, ttft, itl, jitter, tokens, errorRate,
                        Integer.parseInt(value), seed);
                case "seed" -> new MockProfile(name, ttft, itl, jitter, tokens, errorRate, errorStatus,
                        Long.parseLong(value));
                default -> throw new InputException("mock '" + name + "': unknown setting '" + key
                        + "' (expected ttft, itl, jitter, tokens, error-rate, error-status, seed)");
            };
        } catch (NumberFormatException e) {
            throw new InputException("mock '" + name + "': setting '" + key + "' is not a number: '" + value + "'");
        }
    }
}
