package dev.yardstick.cli;

import dev.yardstick.benchmark.LengthDistribution;
import dev.yardstick.benchmark.Percentages;
import dev.yardstick.benchmark.Shard;
import dev.yardstick.benchmark.Sweep;
import dev.yardstick.benchmark.Warmup;
import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptLoader;
import dev.yardstick.config.PromptSet;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.stats.RegressionRule;
import dev.yardstick.stats.SloSet;
import dev.yardstick.stats.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * Text to typed setting, for flags and plan-file keys alike: each delegates to the parser of its type, whose
 * {@link InputException} says what is wrong; {@link ParameterErrors} then names the flag or the plan file's line.
 */
final class SettingConverters {

    private SettingConverters() {
    }

    /** A file name: in a plan file it is relative to the plan file's folder. */
    interface FileName {
    }

    static final class ToDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            return Durations.parse(text);
        }
    }

    static final class ToWarmup implements ITypeConverter<Warmup> {
        @Override
        public Warmup convert(String text) {
            return Warmup.parse(text);
        }
    }

    static final class ToModel implements ITypeConverter<ModelSpec> {
        @Override
        public ModelSpec convert(String text) {
            return ModelSpec.parse(text);
        }
    }

    static final class ToSweep implements ITypeConverter<Sweep> {
        @Override
        public Sweep convert(String text) {
            return Sweep.parse(text);
        }
    }

    static final class ToArrival implements ITypeConverter<LoadShape.Arrival> {
        @Override
        public LoadShape.Arrival convert(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "constant" -> LoadShape.Arrival.CONSTANT;
                case "poisson" -> LoadShape.Arrival.POISSON;
                default -> throw new InputException("unknown arrival '" + text + "' (expected constant or poisson)");
            };
        }
    }

    static final class ToLength implements ITypeConverter<LengthDistribution> {
        @Override
        public LengthDistribution convert(String text) {
            return LengthDistribution.parse(text);
        }
    }

    static final class ToSlos implements ITypeConverter<SloSet> {
        @Override
        public SloSet convert(String text) {
            return SloSet.parse(text);
        }
    }

    static final class ToGate implements ITypeConverter<Threshold> {
        @Override
        public Threshold convert(String text) {
            return Threshold.parse(text);
        }
    }

    static final class ToShard implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String text) {
            return Shard.parse(text);
        }
    }

    /** {@code 10%} → 10. */
    static final class ToPercent implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            return Percentages.parse(text);
        }
    }

    /** {@code 95%} or {@code 0.95} → 0.95. */
    static final class ToConfidence implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            return RegressionRule.parseConfidence(text);
        }
    }

    static final class ToPath implements ITypeConverter<Path>, FileName {
        @Override
        public Path convert(String text) {
            return Path.of(text);
        }
    }

    static final class ToPromptSet implements ITypeConverter<PromptSet>, FileName {
        @Override
        public PromptSet convert(String text) {
            return PromptLoader.load(Path.of(text));
        }
    }
}
