package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long synthetic prompts are, in tokens of the target model's tokenizer: one length ({@code 512}), uniform
 * between two ({@code uniform:256-1024}), or normal ({@code normal:512,64}, mean and standard deviation, never
 * below 1 token).
 */
public sealed interface LengthDistribution {

    int MAX_TOKENS = 1_000_000;

    /** One length drawn with {@code random}. */
    int sample(RandomGenerator random);

    /** The canonical text, parseable again. */
    String text();

    record Fixed(int tokens) implements LengthDistribution {
        public Fixed {
            check(tokens);
        }

        @Override
        public int sample(RandomGenerator random) {
            return tokens;
        }

        @Override
        public String text() {
            return Integer.toString(tokens);
        }
    }

    record Uniform(int min, int max) implements LengthDistribution {
        public Uniform {
            check(min);
            check(max);
            if (max < min) {
                throw new InputException("uniform input length " + min + "-" + max + ": the maximum is below the minimum");
            }
        }

        @Override
        public int sample(RandomGenerator random) {
            return min + random.nextInt(max - min + 1);
        }

        @Override
        public String text() {
            return "uniform:" + min + "-" + max;
        }
    }

    record Normal(int mean, int stddev) implements LengthDistribution {
        public Normal {
            check(mean);
            if (stddev < 0) {
                throw new InputException("normal input length: the standard deviation cannot be negative");
            }
        }

        @Override
        public int sample(RandomGenerator random) {
            long drawn = Math.round(mean + stddev * random.nextGaussian());
            return (int) Math.clamp(drawn, 1, MAX_TOKENS);
        }

        @Override
        public String text() {
            return "normal:" + mean + "," + stddev;
        }
    }

    private static void check(int tokens) {
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw new InputException("input length " + tokens + " is outside 1.." + MAX_TOKENS + " tokens");
        }
    }

    /** Parses {@code 512}, {@code fixed:512}, {@code uniform:256-1024} or {@code normal:512,64}. */
    public static LengthDistribution parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            Matcher m;
            if ((m = Pattern.compile("(?:fixed:)?(\\d+)").matcher(t)).matches()) {
                return new Fixed(Integer.parseInt(m.group(1)));
            }
            if ((m = Pattern.compile("uniform:(\\d+)(?:-|\\.\\.)(\\d+)").matcher(t)).matches()) {
                return new Uniform(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = Pattern.compile("normal:(\\d+),(\\d+)").matcher(t)).matches()) {
                return new Normal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (NumberFormatException e) {
            throw new InputException("input length '" + text + "' has a number too large");
        }
        throw new InputException("malformed input length '" + text + "' (expected 512, uniform:256-1024 or normal:512,64)");
    }
}
