package dev.yardstick.engine;

import java.util.List;

/**
 * The requests of a plan, produced on demand so a million-request benchmark never holds a million requests.
 * {@link #get} must be cheap and thread-safe; it is called with 0, 1, 2, ... in order of dispatch.
 */
public interface RequestSource {

    /** How many requests there are; {@link Long#MAX_VALUE} for a source bounded only by the run's duration. */
    long size();

    PlannedRequest get(long index);

    static RequestSource of(List<PlannedRequest> requests) {
        List<PlannedRequest> copy = List.copyOf(requests);
        return new RequestSource() {
            @Override
            public long size() {
                return copy.size();
            }

            @Override
            public PlannedRequest get(long index) {
                return copy.get(Math.toIntExact(index));
            }
        };
    }
}
