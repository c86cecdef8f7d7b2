package dev.yardstick.stats;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;

import java.util.concurrent.atomic.AtomicLong;

/** Samples for tests, in milliseconds, with defaults for everything a test does not care about. */
final class SampleBuilder {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    static final long MS = 1_000_000L;

    private String model = "mock/a";
    private boolean warmup;
    private long scheduledNanos;
    private long queueNanos;
    /** Unset: a tenth of E2E. */
    private long ttftNanos = Long.MIN_VALUE;
    private long e2eNanos = 1000 * MS;
    private long[] itlNanos = new long[0];
    /** Unset: TTFT, a stream with no reasoning before its answer. */
    private long ttfoNanos = Long.MIN_VALUE;
    private TokenCounts tokens = new TokenCounts(10, 20, null, 10, 20, TokenSource.COUNTED);
    private int attempts = 1;
    private SampleError error;

    static SampleBuilder sample() {
        return new SampleBuilder();
    }

    SampleBuilder model(String label) {
        this.model = label;
        return this;
    }

    SampleBuilder warmup() {
        this.warmup = true;
        return this;
    }

    SampleBuilder at(double scheduledMs) {
        this.scheduledNanos = Math.round(scheduledMs * MS);
        return this;
    }

    SampleBuilder queue(double ms) {
        this.queueNanos = Math.round(ms * MS);
        return this;
    }

    SampleBuilder ttft(double ms) {
        this.ttftNanos = Math.round(ms * MS);
        return this;
    }

    /** The first visible output token, after reasoning that started at TTFT. */
    SampleBuilder ttfo(double ms) {
        this.ttfoNanos = Math.round(ms * MS);
        return this;
    }

    SampleBuilder e2e(double ms) {
        this.e2eNanos = Math.round(ms * MS);
        return this;
    }

    SampleBuilder gaps(double... ms) {
        this.itlNanos = new long[ms.length];
        for (int i = 0; i < ms.length; i++) {
            itlNanos[i] = Math.round(ms[i] * MS);
        }
        return this;
    }

    SampleBuilder gapsNanos(long[] nanos) {
        this.itlNanos = nanos;
        return this;
    }

    /** Provider-reported usage. */
    SampleBuilder reported(int input, int output) {
        this.tokens = new TokenCounts(input, output, null, input, output, TokenSource.COUNTED);
        return this;
    }

    SampleBuilder tokens(TokenCounts counts) {
        this.tokens = counts;
        return this;
    }

    SampleBuilder attempts(int n) {
        this.attempts = n;
        return this;
    }

    SampleBuilder failed(ErrorClass errorClass) {
        this.error = new SampleError(errorClass, null, errorClass.label(), null);
        return this;
    }

    Sample build() {
        long ttft = error != null ? -1 : ttftNanos == Long.MIN_VALUE ? e2eNanos / 10 : ttftNanos;
        return new Sample(SEQUENCE.getAndIncrement(), model, "p1", 0, warmup, scheduledNanos, queueNanos,
                ttft, e2eNanos, error == null ? itlNanos : new long[0], tokens,
                error == null ? "text" : "", error == null ? "stop" : null, null, attempts, error, 0,
                ttfoNanos == Long.MIN_VALUE || error != null ? ttft : ttfoNanos, null);
    }
}
