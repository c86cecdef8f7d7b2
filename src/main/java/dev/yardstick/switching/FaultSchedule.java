package dev.yardstick.switching;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which injected fault, if any, hits the next request to a model: knows the conversation's current turn and how
 * many requests each model has had at each turn, so {@code x2} fails exactly the first two tries.
 */
final class FaultSchedule {

    private final List<Fault> faults;
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private volatile int turn;

    /** @param faults faults whose model is already a resolved label */
    FaultSchedule(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    void turn(int value) {
        turn = value;
    }

    int turn() {
        return turn;
    }

    /** Counts one request to {@code label} at the current turn; the fault it meets, or null. */
    Fault next(String label) {
        int current = turn;
        int tryIndex = tries.computeIfAbsent(label + "@" + current, k -> new AtomicInteger()).getAndIncrement();
        for (Fault fault : faults) {
            if (fault.model().equals(label) && fault.appliesAt(current) && tryIndex < fault.times()) {
                return fault;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return faults.isEmpty();
    }
}
