package dev.yardstick.benchmark;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleListener;
import dev.yardstick.report.AbortReason;
import dev.yardstick.stats.MetricsRecorder;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.SloSet;
import dev.yardstick.stats.Threshold;
import dev.yardstick.stats.Verdict;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code --abort-if} while a step runs: each model's requests that ended in the sliding window are judged by the
 * gates, as {@code --fail-if} judges a whole step, and the first gate that holds stops the run. A window is judged
 * only once it holds {@code minRequests}, so one early error is no trend; it is judged at most every
 * {@value #JUDGE_EVERY_MS} ms, because each judgement builds the window's statistics afresh.
 */
final class AbortWatch implements SampleListener {

    private static final long JUDGE_EVERY_MS = 50;

    private final List<Threshold> gates;
    private final AbortWindow window;
    private final int minRequests;
    private final SloSet slo;
    private final String step;
    private final LongSupplier clock;
    private final long start;
    private final Runnable stop;
    private final Map<String, Deque<Ended>> byModel = new HashMap<>();
    private long lastJudged;
    private boolean judgedOnce;
    private volatile AbortReason reason;

    private record Ended(long at, Sample sample) {
    }

    /** @param stop called once, on the thread of the sample that tipped the window */
    AbortWatch(BenchmarkPlan plan, String step, LongSupplier clock, Runnable stop) {
        this.gates = plan.abortIf();
        this.window = plan.abortWindow();
        this.minRequests = plan.abortMinRequests();
        this.slo = plan.slo();
        this.step = step;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.stop = stop;
    }

    /** Why the run was stopped, null while it was not. */
    AbortReason reason() {
        return reason;
    }

    @Override
    public void onSample(Sample sample) {
        if (gates.isEmpty() || sample.warmup() || reason != null) {
            return;
        }
        AbortReason tipped;
        synchronized (this) {
            long now = clock.getAsLong();
            Deque<Ended> ended = byModel.computeIfAbsent(sample.model(), m -> new ArrayDeque<>());
            ended.addLast(new Ended(now, sample));
            evict(ended, now);
            if (reason != null || ended.size() < minRequests
                    || judgedOnce && now - lastJudged < TimeUnit.MILLISECONDS.toNanos(JUDGE_EVERY_MS)) {
                return;
            }
            judgedOnce = true;
            lastJudged = now;
            tipped = judge(sample.model(), ended, now);
            if (tipped == null) {
                return;
            }
            reason = tipped;
        }
        stop.run();
    }

    private void evict(Deque<Ended> ended, long now) {
        if (window.requests() != null) {
            while (ended.size() > window.requests()) {
                ended.removeFirst();
            }
        } else {
            long from = now - window.time().toNanos();
            while (!ended.isEmpty() && ended.peekFirst().at() < from) {
                ended.removeFirst();
            }
        }
    }

    private AbortReason judge(String model, Deque<Ended> ended, long now) {
        MetricsRecorder recorder = new MetricsRecorder(slo, Instant.now());
        ended.forEach(e -> recorder.record(e.sample()));
        ModelStats stats = recorder.snapshot().getFirst();
        for (Threshold gate : gates) {
            Verdict verdict = gate.evaluate(stats);
            if (verdict.failed()) {
                return new AbortReason(gate.text(), step, model, (now - start) / 1e9, window.text(), ended.size(),
                        verdict.message());
            }
        }
        return null;
    }
}
