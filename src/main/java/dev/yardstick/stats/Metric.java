package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.Sample;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The distributions Yardstick records per model, each with the definition it follows (GUIDE §1), so every report
 * can print the formula beside the number and a reader can line it up with any other tool.
 *
 * <p>This is the one declaration of a metric: how its values are read off a sample, its unit and report label,
 * whether regression gates judge it, whether an SLO can bound it. Recording ({@link Tally}), summaries and their
 * JSON field ({@link #field()}), confidence intervals, diffs, definitions and report rows all follow from it, in
 * this order, so a new metric is one more constant here.
 *
 * <p>Histograms hold integers: latencies in microseconds, rates in milli-tokens per second. Both are
 * {@value #SCALE}× the display unit, so {@link #fromRecorded} is one division for every metric.
 */
public enum Metric {
    E2E(latency("e2e", "E2E (ms)").readBy(MetricReadings::e2e).slo(MetricReadings::e2eWithin),
            "E2E: scheduled start → last content byte (successful requests)"),
    TTFT(latency("ttft", "TTFT (ms)").readBy(MetricReadings::ttft).slo(MetricReadings::ttftWithin),
            "TTFT: scheduled start → first chunk of generated tokens on any channel, reasoning or visible"
                    + " (successful requests)"),
    /*
     * Kept apart from TTFT because a reasoning model thinks before it answers: other tools report the first visible
     * token as TTFT and so misstate it by the whole thinking time.
     */
    TTFO(latency("ttfo", "TTFO (ms)").readBy(MetricReadings::ttfo).slo(MetricReadings::ttfoWithin)
            .onlyWhenRecorded(),
            "TTFO: scheduled start → first chunk of visible output, successful requests that reasoned (streamed"
                    + " reasoning or reported reasoning tokens); TTFT where a request did not"),
    ITL(latency("itl", "ITL (ms)").readBy(MetricReadings::itl).slo(MetricReadings::everyGapWithin)
            .severalPerRequest(),
            "ITL: gap between consecutive chunks of generated tokens (reasoning or visible), every gap of every"
                    + " successful request"),
    TPOT(latency("tpot", "TPOT (ms)").readBy(MetricReadings::tpot).slo(MetricReadings::tpotWithin),
            "TPOT: per request (E2E − TTFT) / (output tokens − 1), output tokens counting every generated token,"
                    + " reasoning included; undefined for 1-token outputs;"
                    + " a mean of per-request values, not total decode time / total tokens"),
    /*
     * Queue time is not gated: it is the tool's own wait for a slot, and in open-loop runs it is already inside
     * every latency that is gated.
     */
    QUEUE(latency("queue", "queue (ms)").readBy(MetricReadings::queue).notGated().underLoadOnly(),
            "Queue: scheduled start → sent, the wait for a free slot (successful requests)"),
    OUTPUT_RATE(rate("output_rate", "tokens/s", "tokens/s per request").readBy(MetricReadings::outputRate),
            "Output rate: per request output tokens (reasoning included) / (E2E − TTFT), undefined for 1-token"
                    + " outputs; requests whose content arrived in one burst after a stall are counted apart and left"
                    + " out"),
    REASONING_TOKENS(count("reasoning_tokens", "tokens", "reasoning tokens").readBy(MetricReadings::reasoningTokens)
            .notGated().onlyWhenRecorded(),
            "Reasoning tokens: per successful request that reasoned, the server's count where it reported one"
                    + " (OpenAI reasoning_tokens, Gemini thoughtsTokenCount), else the streamed reasoning text counted"
                    + " with the model's tokenizer; part of the output tokens, and priced as output");

    /** Histogram units per display unit: µs per ms, milli-tokens/s per token/s, milli-tokens per token. */
    static final int SCALE = 1000;

    private final Spec spec;
    private final String formula;
    private final String field;

    Metric(Spec spec, String formula) {
        this.spec = spec;
        this.formula = formula;
        this.field = camelCase(spec.key);
    }

    /** The short name users type in SLOs and gates: {@code ttft}, {@code e2e}, ... */
    public String key() {
        return spec.key;
    }

    /** The name of its summary in a model's JSON statistics: the key in camel case ({@code outputRate}). */
    public String field() {
        return field;
    }

    /** The display unit of every figure of this metric. */
    public String unit() {
        return spec.unit;
    }

    /** Its row label in report tables: {@code TTFT (ms)}, {@code tokens/s per request}. */
    public String label() {
        return spec.label;
    }

    /** True for rates (a drop is a regression), false for latencies (a rise is). */
    public boolean higherIsBetter() {
        return spec.higherIsBetter;
    }

    /** True when regression gates judge its percentiles. */
    public boolean gated() {
        return spec.gated;
    }

    /** True when it means something only under load (a benchmark), and a run with no value of it leaves it out. */
    public boolean underLoadOnly() {
        return spec.underLoadOnly;
    }

    /**
     * True when only some streams give it (reasoning models): a report leaves it out where no request recorded a
     * value, and a comparison of two runs that both have none has nothing to judge.
     */
    public boolean onlyWhenRecorded() {
        return spec.onlyWhenRecorded;
    }

    /**
     * True when a request gives several values (inter-token gaps) that move together: its confidence intervals count
     * requests, not values ({@link PercentileIntervals#independentValues}).
     */
    public boolean severalPerRequest() {
        return spec.severalPerRequest;
    }

    /** True when an SLO can bound it ({@code ttft=500ms}). */
    public boolean sloAllowed() {
        return spec.slo != null;
    }

    /** The definition as printed beside the numbers. */
    public String formula() {
        return formula;
    }

    /** Records this metric's values of one successful sample, in recorded units; {@code burst} per {@link Bursts}. */
    void read(Sample sample, boolean burst, LongConsumer values) {
        spec.reading.read(sample, burst, values);
    }

    /** True when a successful sample is within an SLO of {@code limitNanos} on this metric. */
    boolean within(Sample sample, long limitNanos) {
        if (spec.slo == null) {
            throw new IllegalStateException("no SLO is defined on " + key());
        }
        return spec.slo.within(sample, limitNanos);
    }

    /** Converts a histogram value (µs or milli-tokens/s) to the display unit. */
    public double fromRecorded(double recorded) {
        return recorded / SCALE;
    }

    /** Converts a value in the display unit to histogram units. */
    public double toRecorded(double display) {
        return display * SCALE;
    }

    /**
     * A latency in nanoseconds in its recorded unit: whole microseconds, rounded. Every histogram of a latency (the
     * headline ones, the per-second series, the retry-free and the client TTFT set beside the server's) converts
     * here, so one request gives the same figure in each. A negative (unset) time would be a bug upstream: clamped
     * to 0.
     */
    public static long recordedMicros(long nanos) {
        return Math.max(0, (nanos + 500) / 1000);
    }

    /**
     * An empty histogram for many writers at the precision every metric is recorded with; it grows to any value, so
     * no latency is clamped to a ceiling.
     */
    public static Histogram concurrentHistogram() {
        return new ConcurrentHistogram(Tally.SIGNIFICANT_DIGITS);
    }

    public static Metric fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.key().equals(wanted)) {
                return m;
            }
        }
        throw new InputException("unknown metric '" + key + "' (use " + keys() + ")");
    }

    static String keys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }

    private static String camelCase(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Spec latency(String key, String label) {
        return new Spec(key, "ms", label, false);
    }

    private static Spec rate(String key, String unit, String label) {
        return new Spec(key, unit, label, true);
    }

    private static Spec count(String key, String unit, String label) {
        return new Spec(key, unit, label, false);
    }

    /** How a metric's values are read off one successful sample, in recorded units. */
    @FunctionalInterface
    interface Reading {
        void read(Sample sample, boolean burst, LongConsumer values);
    }

    /** Whether one successful sample is within an SLO's limit. */
    @FunctionalInterface
    interface SloRule {
        boolean within(Sample sample, long limitNanos);
    }

    /** A metric's declaration, built by name so no two of its flags can be swapped unnoticed. */
    private static final class Spec {
        private final String key;
        private final String unit;
        private final String label;
        private final boolean higherIsBetter;
        private Reading reading;
        private SloRule slo;
        private boolean gated = true;
        private boolean underLoadOnly;
        private boolean severalPerRequest;
        private boolean onlyWhenRecorded;

        private Spec(String key, String unit, String label, boolean higherIsBetter) {
            this.key = key;
            this.unit = unit;
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }

        Spec readBy(Reading reading) {
            this.reading = reading;
            return this;
        }

        Spec slo(SloRule rule) {
            this.slo = rule;
            return this;
        }

        Spec notGated() {
            this.gated = false;
            return this;
        }

        Spec underLoadOnly() {
            this.underLoadOnly = true;
            return this;
        }

        Spec severalPerRequest() {
            this.severalPerRequest = true;
            return this;
        }

        Spec onlyWhenRecorded() {
            this.onlyWhenRecorded = true;
            return this;
        }
    }
}
