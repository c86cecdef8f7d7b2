package dev.yardstick.switching;

import dev.yardstick.engine.chain.FailoverChain;
import dev.yardstick.report.SwitchReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline of one conversation's resilience: every circuit-breaker state change, retry, skip and failover,
 * each with its time since the conversation started and its wall-clock time.
 */
final class EventLog implements FailoverChain.Events {

    private final long startNanos;
    private final List<SwitchReport.Event> events = new ArrayList<>();

    EventLog(long startNanos) {
        this.startNanos = startNanos;
    }

    double sinceStartMs(long nanos) {
        return (nanos - startNanos) / 1e6;
    }

    @Override
    public synchronized void add(int turn, String model, String kind, String detail) {
        events.add(new SwitchReport.Event(sinceStartMs(System.nanoTime()), Instant.now(), turn, model, kind, detail));
    }

    synchronized List<SwitchReport.Event> events() {
        return List.copyOf(events);
    }
}
