package dev.yardstick.cli;

import dev.yardstick.benchmark.StepObserver;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.Formats;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RunningFigures;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's live progress line on stderr, only on a terminal: requests done of the target (or time elapsed),
 * the current rate over the last second, TTFT and E2E p50/p95 so far, and errors. Redrawn ten times a second by a
 * timer of its own, so it keeps moving (the rate falls to 0) while a server stalls, and the requests' threads do no
 * work for it. A sweep also logs one line per finished step.
 */
final class LiveLine implements StepObserver, AutoCloseable {

    private static final long REDRAW_MILLIS = 100;
    private static final int RATE_WINDOW = 10; // redraws: one second

    private final StatusLine line;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<long[]> recent = new ArrayDeque<>();
    private volatile LiveStep current;
    private volatile long stepStartedAt;

    LiveLine(PrintWriter err, boolean interactive) {
        this.line = new StatusLine(err, interactive);
        this.timer = interactive ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yardstick-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (timer != null) {
            timer.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void started(LiveStep step) {
        synchronized (this) {
            recent.clear();
            stepStartedAt = System.nanoTime();
            current = step;
        }
    }

    @Override
    public void ended(BenchmarkReport.Step result) {
        LiveStep step = current;
        synchronized (this) {
            current = null;
            line.clear();
        }
        if (step != null && step.steps() > 1) {
            line.log(stepLine(step, result));
        }
    }

    private static String stepLine(LiveStep step, BenchmarkReport.Step result) {
        StringBuilder line = new StringBuilder("step " + result.number() + "/" + step.steps() + " " + result.load()
                + ":");
        for (ModelStats s : result.models()) {
            line.append(' ').append(s.model()).append(' ').append(s.requests().succeeded()).append(" ok, ")
                    .append(s.requests().failed()).append(" failed, ")
                    .append(Formats.number(s.requestThroughput(), 2)).append(" req/s, TTFT p50 ")
                    .append(Formats.ms(s.metric(Metric.TTFT).p50())).append(';');
        }
        return line.substring(0, line.length() - (line.charAt(line.length() - 1) == ';' ? 1 : 0))
                + (result.overBudget() ? " (over the error budget)" : "");
    }

    private synchronized void draw() {
        LiveStep step = current;
        if (step == null) {
            return;
        }
        RunningFigures f = step.figures().get();
        long now = System.nanoTime();
        recent.addLast(new long[] {now, f.ended()});
        if (recent.size() > RATE_WINDOW + 1) {
            recent.removeFirst();
        }
        long[] oldest = recent.peekFirst();
        double rate = now > oldest[0] ? (f.ended() - oldest[1]) * 1e9 / (now - oldest[0]) : 0;
        String target = step.requests() >= 0 ? f.attempted() + "/" + step.requests()
                : String.format(Locale.ROOT, "%.1fs/%.0fs", (now - stepStartedAt) / 1e9,
                step.duration().toMillis() / 1e3);
        String warmup = f.attempted() == 0 && f.warmups() > 0 ? " (warm-up " + f.warmups() + ")" : "";
        line.show("step " + step.step().number() + "/" + step.steps() + " " + step.step().label()
                + " · " + target + warmup + " · " + Formats.number(rate, 1) + " req/s · TTFT p50 "
                + Formats.ms(f.ttftMs(50)) + " p95 " + Formats.ms(f.ttftMs(95)) + " · E2E p50 "
                + Formats.ms(f.e2eMs(50)) + " p95 " + Formats.ms(f.e2eMs(95)) + " · " + f.failed() + " errors");
    }

    @Override
    public synchronized void close() {
        current = null;
        if (timer != null) {
            timer.shutdownNow();
        }
        line.clear();
    }
}
