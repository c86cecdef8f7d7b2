package dev.yardstick.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded, thread-safe record of received chat requests. Off, it keeps nothing, so a million-request benchmark
 * costs no memory; on, it keeps the most recent {@code limit} requests.
 */
final class RequestLog {

    private final int limit;
    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private volatile boolean enabled;

    RequestLog(boolean enabled, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("record limit must be >= 1: " + limit);
        }
        this.enabled = enabled;
        this.limit = limit;
    }

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean value) {
        enabled = value;
    }

    void add(RecordedRequest request) {
        if (!enabled) {
            return;
        }
        synchronized (requests) {
            if (requests.size() == limit) {
                requests.removeFirst();
            }
            requests.addLast(request);
        }
    }

    List<RecordedRequest> snapshot() {
        synchronized (requests) {
            List<RecordedRequest> copy = new ArrayList<>(requests);
            copy.sort((a, b) -> Long.compare(a.index(), b.index()));
            return List.copyOf(copy);
        }
    }

    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }
}
