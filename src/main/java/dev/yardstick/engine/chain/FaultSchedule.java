package dev.yardstick.engine.chain;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which injected fault, if any, hits the next try of a model. A step is a conversation's turn in switch-test and a
 * model's N-th measured request in compare and benchmark; tries are counted per model and step, so {@code x2}
 * fails exactly the first two tries. A fault for the whole run (no step given) counts its tries over the run.
 */
public final class FaultSchedule {

    private final List<Fault> faults;
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    /** @param faults faults whose model is already a resolved label */
    public FaultSchedule(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    /** Counts one new request to {@code label}; its number from 1, the step its faults are looked up at. */
    public int arrive(String label) {
        return requests.computeIfAbsent(label, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts one try of {@code label} at {@code step}; the fault it meets, or null. */
    public Fault next(String label, int step) {
        Fault met = null;
        for (Fault fault : faults) {
            if (fault.model().equals(label) && fault.appliesAt(step)) {
                String key = label + " " + fault.text() + (fault.wholeRun() ? "" : "@" + step);
                int tryIndex = tries.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
                if (met == null && tryIndex < fault.times()) {
                    met = fault;
                }
            }
        }
        return met;
    }
}
