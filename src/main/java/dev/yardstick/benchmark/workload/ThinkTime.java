package dev.yardstick.benchmark.workload;

import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The pause between a session's answer and its next question: fixed ({@code 2s}), exponential with a mean
 * ({@code exp:2s}) or uniform between two ({@code uniform:1s..3s}).
 */
public sealed interface ThinkTime {

    ThinkTime NONE = new Fixed(Duration.ZERO);

    /** One pause in nanoseconds, drawn with {@code random}. */
    long drawNanos(RandomGenerator random);

    /** The canonical text, parseable again. */
    String text();

    record Fixed(Duration time) implements ThinkTime {
        @Override
        public long drawNanos(RandomGenerator random) {
            return time.toNanos();
        }

        @Override
        public String text() {
            return Durations.format(time);
        }
    }

    record Exponential(Duration mean) implements ThinkTime {
        @Override
        public long drawNanos(RandomGenerator random) {
            return Math.round(-Math.log(1.0 - random.nextDouble()) * mean.toNanos());
        }

        @Override
        public String text() {
            return "exp:" + Durations.format(mean);
        }
    }

    record Uniform(Duration min, Duration max) implements ThinkTime {
        public Uniform {
            if (max.compareTo(min) < 0) {
                throw new InputException("think time uniform:" + Durations.format(min) + ".." + Durations.format(max)
                        + ": the maximum is below the minimum");
            }
        }

        @Override
        public long drawNanos(RandomGenerator random) {
            return min.toNanos() + (long) (random.nextDouble() * (max.toNanos() - min.toNanos()));
        }

        @Override
        public String text() {
            return "uniform:" + Durations.format(min) + ".." + Durations.format(max);
        }
    }

    /** Parses {@code 2s}, {@code fixed:2s}, {@code exp:2s} or {@code uniform:1s..3s}. */
    public static ThinkTime parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            if (t.startsWith("exp:")) {
                return new Exponential(Durations.parse(t.substring(4)));
            }
            if (t.startsWith("uniform:")) {
                String[] ends = t.substring(8).split("\\.\\.|-", 2);
                if (ends.length == 2) {
                    return new Uniform(Durations.parse(ends[0]), Durations.parse(ends[1]));
                }
            } else {
                return new Fixed(Durations.parse(t.startsWith("fixed:") ? t.substring(6) : t));
            }
        } catch (InputException e) {
            if (e.getMessage().contains("maximum")) {
                throw e;
            }
        }
        throw new InputException("malformed think time '" + text + "' (expected 2s, exp:2s or uniform:1s..3s)");
    }
}
