package dev.yardstick.stats;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Records a step's {@link TimeSeries}: every ended request goes into the current second's interval histograms (TTFT
 * and E2E, µs) and counters, and once a second a ticker swaps the interval out and summarizes it. The swap is
 * HdrHistogram's {@code Recorder} idea applied once per sample (as {@link ModelRecorder} does): one phaser entry
 * around all of a sample's values, so a second's counts and percentiles are one consistent cut, taken without
 * stopping the writers. Memory stays flat however long the step runs: two histograms live, a few numbers a second
 * kept.
 */
public final class TimeSeriesRecorder implements SampleListener, AutoCloseable {

    private static final double NANOS_PER_SECOND = 1e9;

    private final String step;
    private final IntSupplier inFlight;
    private final LongSupplier clock;
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Interval active = new Interval();
    private Interval spare = new Interval();
    private final List<TimeSeries.Second> seconds = new ArrayList<>();
    private final long start;
    private long lastTick;
    private ScheduledExecutorService ticker;
    private boolean closed;

    /**
     * @param inFlight how many requests are in flight now
     * @param clock    nanoseconds ({@code System::nanoTime})
     */
    public TimeSeriesRecorder(String step, IntSupplier inFlight, LongSupplier clock) {
        this.step = step;
        this.inFlight = inFlight;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastTick = start;
    }

    /** Starts ticking once a second on a daemon thread of its own. */
    public TimeSeriesRecorder start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yardstick-timeseries");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void onSample(Sample sample) {
        if (sample.warmup() || sample.cached()) {
            return;
        }
        long ticket = phaser.writerCriticalSectionEnter();
        try {
            active.record(sample);
        } finally {
            phaser.writerCriticalSectionExit(ticket);
        }
    }

    /** Closes the current second (the ticker calls it; a test may too). */
    public synchronized void tick() {
        long now = clock.getAsLong();
        Interval retired;
        phaser.readerLock();
        try {
            retired = active;
            active = spare;
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        double length = (now - lastTick) / NANOS_PER_SECOND;
        int second = (int) Math.round((lastTick - start) / NANOS_PER_SECOND);
        lastTick = now;
        seconds.add(retired.summary(second, length, inFlight.getAsInt()));
        retired.reset();
        spare = retired;
    }

    /** Stops the ticker and closes the last, shorter second (if anything happened in it). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (clock.getAsLong() - lastTick > 0) {
            tick();
            TimeSeries.Second last = seconds.getLast();
            if (last.ended() == 0 && last.length() < 0.5 && seconds.size() > 1) {
                seconds.removeLast(); // a sliver after the last request: nothing to say
            }
        }
    }

    public synchronized TimeSeries series() {
        return new TimeSeries(step, seconds);
    }

    /** One second's recording; written by many threads at once, read only once swapped out. */
    private static final class Interval {
        private final Histogram ttft = Metric.concurrentHistogram();
        private final Histogram e2e = Metric.concurrentHistogram();
        private final AtomicLong ended = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong outputTokens = new AtomicLong();

        void record(Sample sample) {
            ended.incrementAndGet();
            if (!sample.ok()) {
                errors.incrementAndGet();
                return;
            }
            if (sample.ttftNanos() >= 0) {
                ttft.recordValue(Metric.recordedMicros(sample.ttftNanos()));
            }
            e2e.recordValue(Metric.recordedMicros(sample.e2eNanos()));
            outputTokens.addAndGet(sample.tokens().output());
        }

        TimeSeries.Second summary(int second, double length, int inFlightNow) {
            long succeeded = ended.get() - errors.get();
            double per = length > 0 ? 1 / length : Double.NaN;
            return new TimeSeries.Second(second, Math.round(length * 1000) / 1000.0, ended.get(), errors.get(),
                    succeeded * per, outputTokens.get() * per, ms(ttft, 50), ms(ttft, 90), ms(ttft, 99), ms(e2e, 50),
                    ms(e2e, 90), ms(e2e, 99), inFlightNow);
        }

        private static Double ms(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? null : h.getValueAtPercentile(percentile) / 1000.0;
        }

        void reset() {
            ttft.reset();
            e2e.reset();
            ended.set(0);
            errors.set(0);
            outputTokens.set(0);
        }
    }
}
