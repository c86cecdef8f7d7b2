package dev.yardstick.cli;

import dev.yardstick.benchmark.LengthDistribution;
import dev.yardstick.benchmark.Percentages;
import dev.yardstick.benchmark.Shard;
import dev.yardstick.benchmark.Sweep;
import dev.yardstick.benchmark.Warmup;
import dev.yardstick.benchmark.SharedPrefix;
import dev.yardstick.benchmark.workload.ThinkTime;
import dev.yardstick.benchmark.workload.Trace;
import dev.yardstick.benchmark.workload.TraceFormat;
import dev.yardstick.benchmark.workload.TraceReader;
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
import java.util.function.Function;
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

    /** A setting's parser as picocli's converter (annotations name a class, so each type has its one-line own). */
    abstract static class Parsed<T> implements ITypeConverter<T> {

        private final Function<String, T> parse;

        Parsed(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String text) {
            return parse.apply(text);
        }
    }

    static final class ToDuration extends Parsed<Duration> {
        ToDuration() {
            super(Durations::parse);
        }
    }

    static final class ToWarmup extends Parsed<Warmup> {
        ToWarmup() {
            super(Warmup::parse);
        }
    }

    static final class ToModel extends Parsed<ModelSpec> {
        ToModel() {
            super(ModelSpec::parse);
        }
    }

    static final class ToSweep extends Parsed<Sweep> {
        ToSweep() {
            super(Sweep::parse);
        }
    }

    static final class ToArrival extends Parsed<LoadShape.Arrival> {
        ToArrival() {
            super(SettingConverters::arrival);
        }
    }

    static final class ToLength extends Parsed<LengthDistribution> {
        ToLength() {
            super(LengthDistribution::parse);
        }
    }

    static final class ToSlos extends Parsed<SloSet> {
        ToSlos() {
            super(SloSet::parse);
        }
    }

    static final class ToGate extends Parsed<Threshold> {
        ToGate() {
            super(Threshold::parse);
        }
    }

    static final class ToShard extends Parsed<Shard> {
        ToShard() {
            super(Shard::parse);
        }
    }

    /** {@code 10%} → 10. */
    static final class ToPercent extends Parsed<Double> {
        ToPercent() {
            super(Percentages::parse);
        }
    }

    /** {@code 95%} or {@code 0.95} → 0.95. */
    static final class ToConfidence extends Parsed<Double> {
        ToConfidence() {
            super(RegressionRule::parseConfidence);
        }
    }

    static final class ToPath extends Parsed<Path> implements FileName {
        ToPath() {
            super(Path::of);
        }
    }

    static final class ToTrace extends Parsed<Trace> implements FileName {
        ToTrace() {
            super(text -> TraceReader.load(Path.of(text)));
        }
    }

    static final class ToTraceFormat extends Parsed<TraceFormat> {
        ToTraceFormat() {
            super(TraceFormat::parse);
        }
    }

    static final class ToThinkTime extends Parsed<ThinkTime> {
        ToThinkTime() {
            super(ThinkTime::parse);
        }
    }

    /** {@code 50%} or {@code 0.5} → 0.5. */
    static final class ToShare extends Parsed<Double> {
        ToShare() {
            super(SharedPrefix::parseShare);
        }
    }

    static final class ToPromptSet extends Parsed<PromptSet> implements FileName {
        ToPromptSet() {
            super(text -> PromptLoader.load(Path.of(text)));
        }
    }

    private static LoadShape.Arrival arrival(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "constant" -> LoadShape.Arrival.CONSTANT;
            case "poisson" -> LoadShape.Arrival.POISSON;
            default -> throw new InputException("unknown arrival '" + text + "' (expected constant or poisson)");
        };
    }
}
