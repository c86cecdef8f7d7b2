package dev.yardstick.cli;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/** A live progress line on stderr, only on a terminal, redrawn at most ten times a second. */
final class Progress implements SampleListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final StatusLine line;
    private final long total;
    private final String label;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastDraw = new AtomicLong();

    Progress(PrintWriter err, boolean enabled, long total, String label) {
        this.line = new StatusLine(err, enabled);
        this.total = total;
        this.label = label;
    }

    @Override
    public void onSample(Sample sample) {
        long n = done.incrementAndGet();
        if (n == 1) {
            StartupTrace.mark("first answer in");
        }
        if (!sample.ok()) {
            errors.incrementAndGet();
        }
        long now = System.nanoTime();
        long last = lastDraw.get();
        if (line.enabled() && (n == total || now - last > REDRAW_NANOS) && lastDraw.compareAndSet(last, now)) {
            line.show(label + ": " + n + "/" + total + " done, " + errors.get() + " errors");
        }
    }

    void finish() {
        line.clear();
    }
}
