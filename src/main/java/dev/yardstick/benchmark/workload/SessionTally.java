package dev.yardstick.benchmark.workload;

import dev.yardstick.engine.Sample;
import dev.yardstick.report.WorkloadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The figures of a step's sessions, by turn and by session, recorded as the turns end. */
final class SessionTally {

    private final int turnsPerSession;
    private final String thinkTime;
    private final LatencyTally[] ttft;
    private final LatencyTally[] e2e;
    private final LongAdder[] succeeded;
    private final LongAdder[] failed;
    private final LongAdder[] inputTokens;
    private final LatencyTally duration = new LatencyTally();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong turnsCompleted = new AtomicLong();

    SessionTally(int turnsPerSession, String thinkTime) {
        this.turnsPerSession = turnsPerSession;
        this.thinkTime = thinkTime;
        this.ttft = new LatencyTally[turnsPerSession];
        this.e2e = new LatencyTally[turnsPerSession];
        this.succeeded = new LongAdder[turnsPerSession];
        this.failed = new LongAdder[turnsPerSession];
        this.inputTokens = new LongAdder[turnsPerSession];
        for (int t = 0; t < turnsPerSession; t++) {
            ttft[t] = new LatencyTally();
            e2e[t] = new LatencyTally();
            succeeded[t] = new LongAdder();
            failed[t] = new LongAdder();
            inputTokens[t] = new LongAdder();
        }
    }

    void sessionStarted() {
        started.incrementAndGet();
    }

    /** @param turn 0-based */
    void turn(int turn, Sample sample) {
        if (!sample.ok()) {
            failed[turn].increment();
            return;
        }
        succeeded[turn].increment();
        turnsCompleted.incrementAndGet();
        if (sample.ttftNanos() >= 0) {
            ttft[turn].record(sample.ttftNanos());
        }
        e2e[turn].record(sample.e2eNanos());
        if (sample.tokens() != null) {
            inputTokens[turn].add(sample.tokens().input());
        }
    }

    void sessionCompleted(long durationNanos) {
        completed.incrementAndGet();
        duration.record(durationNanos);
    }

    WorkloadReport.Sessions summary() {
        List<WorkloadReport.Turn> turns = new ArrayList<>();
        for (int t = 0; t < turnsPerSession; t++) {
            long ok = succeeded[t].sum();
            turns.add(new WorkloadReport.Turn(t + 1, ok, failed[t].sum(),
                    ok == 0 ? Double.NaN : (double) inputTokens[t].sum() / ok, ttft[t].summary(), e2e[t].summary()));
        }
        return new WorkloadReport.Sessions(started.get(), completed.get(), turnsPerSession, thinkTime,
                turnsCompleted.get(), duration.summary(), turns);
    }
}
