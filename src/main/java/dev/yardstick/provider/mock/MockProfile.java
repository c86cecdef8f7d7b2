package dev.yardstick.provider.mock;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import java.time.Duration;
import java.util.Locale;

/**
 * How a mock model behaves: time to first token, delay between tokens (with relative jitter), output length, the
 * share of requests that fail and how, the seed that makes it all repeatable, and optionally a reasoning phase.
 * Named presets cover the usual cases; any of them can be tuned in the model name:
 * {@code mock/fast?ttft=20ms&itl=2ms&tokens=64&error-rate=0.1}, {@code mock/fast?reasoning=40&thinking=300ms}.
 *
 * @param reasoning reasoning tokens streamed before the visible answer (0: none)
 * @param thinking  how long the reasoning phase lasts, from the first reasoning token to the first visible one (the
 *                  reasoning tokens are spread evenly over it); null: the reasoning tokens come at {@code itl}
 */
public record MockProfile(String name, Duration ttft, Duration itl, double jitter, int tokens, double errorRate,
                          int errorStatus, long seed, int reasoning, Duration thinking) {

    private static final String PRESETS = "mock/instant, mock/fast, mock/slow, mock/flaky or mock/reasoner";
    private static final String SETTINGS = "ttft, itl, jitter, tokens, error-rate, error-status, seed, reasoning,"
            + " thinking";

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
        if (reasoning < 0) {
            throw new InputException("mock '" + name + "': reasoning must be 0 or more tokens");
        }
    }

    /** A profile without reasoning. */
    public MockProfile(String name, Duration ttft, Duration itl, double jitter, int tokens, double errorRate,
                       int errorStatus, long seed) {
        this(name, ttft, itl, jitter, tokens, errorRate, errorStatus, seed, 0, null);
    }

    public static MockProfile parse(String model) {
        int query = model.indexOf('?');
        String preset = (query < 0 ? model : model.substring(0, query)).toLowerCase(Locale.ROOT);
        Settings settings = new Settings(preset(preset));
        if (query >= 0) {
            for (String pair : model.substring(query + 1).split("&")) {
                if (!pair.isBlank()) {
                    settings.set(pair);
                }
            }
        }
        return settings.build();
    }

    /** The delay before each reasoning token after the first, and before the first visible token. */
    public Duration reasoningGap() {
        if (reasoning == 0) {
            return Duration.ZERO;
        }
        return thinking == null ? itl : thinking.dividedBy(reasoning);
    }

    private static MockProfile preset(String preset) {
        return switch (preset) {
            case "instant" -> new MockProfile(preset, Duration.ZERO, Duration.ZERO, 0, 20, 0, 500, 1);
            case "fast" -> new MockProfile(preset, Duration.ofMillis(20), Duration.ofMillis(2), 0.1, 32, 0, 500, 1);
            case "slow" -> new MockProfile(preset, Duration.ofMillis(400), Duration.ofMillis(25), 0.2, 48, 0, 500, 1);
            case "flaky" -> new MockProfile(preset, Duration.ofMillis(50), Duration.ofMillis(5), 0.2, 32, 0.2, 503, 1);
            case "reasoner" -> new MockProfile(preset, Duration.ofMillis(20), Duration.ofMillis(2), 0.1, 32, 0, 500, 1,
                    40, Duration.ofMillis(300));
            default -> throw new InputException("unknown mock model '" + preset + "' (expected " + PRESETS
                    + ", tuned with ?ttft=&itl=&tokens=&reasoning=&thinking=)");
        };
    }

    /** The profile being tuned, one {@code key=value} setting at a time. */
    private static final class Settings {
        private final String name;
        private Duration ttft;
        private Duration itl;
        private double jitter;
        private int tokens;
        private double errorRate;
        private int errorStatus;
        private long seed;
        private int reasoning;
        private Duration thinking;

        Settings(MockProfile p) {
            name = p.name;
            ttft = p.ttft;
            itl = p.itl;
            jitter = p.jitter;
            tokens = p.tokens;
            errorRate = p.errorRate;
            errorStatus = p.errorStatus;
            seed = p.seed;
            reasoning = p.reasoning;
            thinking = p.thinking;
        }

        void set(String pair) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InputException("mock '" + name + "': malformed setting '" + pair + "' (expected key=value)");
            }
            String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "ttft" -> ttft = Durations.parse(value);
                    case "itl" -> itl = Durations.parse(value);
                    case "jitter" -> jitter = Double.parseDouble(value);
                    case "tokens" -> tokens = Integer.parseInt(value);
                    case "error-rate" -> errorRate = Double.parseDouble(value);
                    case "error-status" -> errorStatus = Integer.parseInt(value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "reasoning" -> reasoning = Integer.parseInt(value);
                    case "thinking" -> thinking = Durations.parse(value);
                    default -> throw new InputException("mock '" + name + "': unknown setting '" + key
                            + "' (expected " + SETTINGS + ")");
                }
            } catch (NumberFormatException e) {
                throw new InputException("mock '" + name + "': setting '" + key + "' is not a number: '" + value
                        + "'");
            }
        }

        MockProfile build() {
            return new MockProfile(name, ttft, itl, jitter, tokens, errorRate, errorStatus, seed, reasoning, thinking);
        }
    }
}
