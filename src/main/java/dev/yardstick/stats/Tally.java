package dev.yardstick.stats;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounts;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * One model's histograms and counters over some stretch of samples. Many threads may {@link #record} into one tally
 * at once; {@link #add}, {@link #reset} and the readers need the tally to be still (the {@link ModelRecorder}'s
 * phaser guarantees that). Memory is flat in the number of samples: nothing here grows per request.
 *
 * <p>A sample's values (a streamed answer's every ITL gap among them) go into plain histograms under one short lock
 * per sample, not into concurrent histograms: those pay a phaser entry and exit and atomic updates per value, a
 * score of atomics for a 20-token answer, where the lock costs one uncontended acquire per sample and keeps every
 * value exact.
 */
final class Tally {

    /** HdrHistogram's precision: 3 significant digits, values to 0.1% of their size. */
    static final int SIGNIFICANT_DIGITS = 3;

    private static final Metric[] METRICS = Metric.values();

    private final Histogram[] histograms = new Histogram[METRICS.length];
    /** Each histogram's {@code recordValue}, made once so the hot path allocates nothing per sample. */
    private final LongConsumer[] recorders = new LongConsumer[METRICS.length];
    private final LongAdder attempted = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder warmups = new LongAdder();
    private final LongAdder metSlo = new LongAdder();
    private final LongAdder bursts = new LongAdder();
    private final LongAdder shortOfAsked = new LongAdder();
    private final AtomicLong shortestOutput = new AtomicLong(Long.MAX_VALUE);
    private final LongAdder[] errors = adders(ErrorClass.values().length);
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder cachedTokens = new LongAdder();
    private final LongAdder reasoningTokens = new LongAdder();
    private final SourceTally inputSources = new SourceTally();
    private final SourceTally outputSources = new SourceTally();
    private final SourceTally reasoningSources = new SourceTally();
    /** Run-relative nanoseconds: earliest scheduled start, latest end, of counted samples. */
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

    Tally() {
        for (int i = 0; i < histograms.length; i++) {
            // Auto-resizing: sized by the values seen, so no maximum to guess and no clamping of a long stall.
            histograms[i] = new Histogram(SIGNIFICANT_DIGITS);
            recorders[i] = histograms[i]::recordValue;
        }
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] out = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            out[i] = new LongAdder();
        }
        return out;
    }

    /**
     * The hot path: counters and raw values only, every derived figure waits for the snapshot.
     *
     * @param outputTokensAsked the output length asked of every request, 0 for none
     */
    void record(Sample s, SloSet slos, int outputTokensAsked) {
        if (s.warmup()) {
            warmups.increment();
            return;
        }
        attempted.increment();
        if (s.attempts() > 1) {
            retries.add(s.attempts() - 1L);
        }
        lowerTo(firstStart, s.scheduledNanos());
        raiseTo(lastEnd, s.scheduledNanos() + Math.max(0, s.e2eNanos()));
        if (!s.ok()) {
            ErrorClass c = s.error().errorClass() == null ? ErrorClass.OTHER : s.error().errorClass();
            errors[c.ordinal()].increment();
            return;
        }
        succeeded.increment();
        if (slos.meets(s)) {
            metSlo.increment();
        }
        boolean burst = Bursts.of(s);
        if (burst) {
            bursts.increment();
        }
        if (!s.cached()) { // a replayed answer was never timed: its tokens count, no latency of it
            synchronized (histograms) {
                for (Metric metric : METRICS) {
                    metric.read(s, burst, recorders[metric.ordinal()]);
                }
            }
        }
        recordTokens(s.tokens(), s.reasoned());
        int output = s.tokens() == null ? 0 : s.tokens().output();
        if (outputTokensAsked > 0 && output < outputTokensAsked) {
            shortOfAsked.increment();
            lowerTo(shortestOutput, output);
        }
    }

    private void recordTokens(TokenCounts t, boolean reasoned) {
        if (t == null) {
            return;
        }
        inputTokens.add(t.input());
        outputTokens.add(t.output());
        cachedTokens.add(t.cachedInput());
        inputSources.record(t.reportedInput(), t);
        outputSources.record(t.reportedOutput(), t);
        if (reasoned) {
            reasoningTokens.add(t.reasoning());
            reasoningSources.record(t.reportedReasoning(), t);
        }
    }

    // Read before writing: most samples change neither end of the window, so most calls touch no shared line.
    private static void lowerTo(AtomicLong target, long value) {
        long current;
        while (value < (current = target.get()) && !target.compareAndSet(current, value)) {
            Thread.onSpinWait();
        }
    }

    private static void raiseTo(AtomicLong target, long value) {
        long current;
        while (value > (current = target.get()) && !target.compareAndSet(current, value)) {
            Thread.onSpinWait();
        }
    }

    Histogram histogram(Metric metric) {
        return histograms[metric.ordinal()];
    }

    /** Adds another (still) tally into this one. */
    void add(Tally other) {
        for (int i = 0; i < histograms.length; i++) {
            histograms[i].add(other.histograms[i]);
        }
        attempted.add(other.attempted.sum());
        succeeded.add(other.succeeded.sum());
        retries.add(other.retries.sum());
        warmups.add(other.warmups.sum());
        metSlo.add(other.metSlo.sum());
        bursts.add(other.bursts.sum());
        shortOfAsked.add(other.shortOfAsked.sum());
        lowerTo(shortestOutput, other.shortestOutput.get());
        addAll(errors, other.errors);
        inputTokens.add(other.inputTokens.sum());
        outputTokens.add(other.outputTokens.sum());
        cachedTokens.add(other.cachedTokens.sum());
        reasoningTokens.add(other.reasoningTokens.sum());
        inputSources.add(other.inputSources);
        outputSources.add(other.outputSources);
        reasoningSources.add(other.reasoningSources);
        lowerTo(firstStart, other.firstStart.get());
        raiseTo(lastEnd, other.lastEnd.get());
    }

    private static void addAll(LongAdder[] into, LongAdder[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i].add(from[i].sum());
        }
    }

    void reset() {
        for (Histogram h : histograms) {
            h.reset();
        }
        for (LongAdder a : new LongAdder[]{attempted, succeeded, retries, warmups, metSlo, bursts, shortOfAsked,
                inputTokens, outputTokens, cachedTokens, reasoningTokens}) {
            a.reset();
        }
        for (LongAdder a : errors) {
            a.reset();
        }
        inputSources.reset();
        outputSources.reset();
        reasoningSources.reset();
        shortestOutput.set(Long.MAX_VALUE);
        firstStart.set(Long.MAX_VALUE);
        lastEnd.set(Long.MIN_VALUE);
    }

    RequestCounts requests() {
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (ErrorClass c : ErrorClass.values()) {
            byClass.put(c.label(), errors[c.ordinal()].sum());
        }
        long tried = attempted.sum();
        long ok = succeeded.sum();
        return new RequestCounts(tried, ok, tried - ok, retries.sum(), warmups.sum(), metSlo.sum(), byClass);
    }

    /** @param outputTokensAsked the output length asked of every request, 0 for none */
    RequestFlags flags(int outputTokensAsked) {
        long shortest = shortestOutput.get();
        return new RequestFlags(bursts.sum(), outputTokensAsked > 0 ? outputTokensAsked : null, shortOfAsked.sum(),
                shortest == Long.MAX_VALUE ? null : (int) shortest);
    }

    TokenTotals tokens() {
        return new TokenTotals(inputTokens.sum(), outputTokens.sum(), cachedTokens.sum(), inputSources.sum(),
                outputSources.sum(), reasoningTokens.sum(), reasoningSources.sum());
    }

    /** The window in epoch microseconds, given the run's start in epoch microseconds. */
    Window window(long runStartEpochMicros) {
        if (attempted.sum() == 0) {
            return Window.NONE;
        }
        return new Window(runStartEpochMicros + Math.floorDiv(firstStart.get(), 1000),
                runStartEpochMicros + Math.floorDiv(lastEnd.get(), 1000));
    }
}
