package dev.yardstick.engine;

import java.util.List;

/**
 * The requests of a plan, produced on demand so a million-request benchmark never holds a million requests.
 * {@link #get} must be cheap and thread-safe; it is called with 0, 1, 2, ... in order of dispatch.
 */
public interface RequestSource {

    /** How many requests there are; {@link Long#MAX_VALUE} for a source bounded only by the run's duration. */
    long size();

    /**
     * The request at {@code index}. A source that {@link #timed() times its requests} may block here until the
     * request is known (a session's next turn waits for the previous answer), and returns null when there will be
     * no more (every session ended early).
     */
    PlannedRequest get(long index);

    /**
     * True for a source that says when each request starts ({@link #startNanos}): a replayed trace, the turns of
     * sessions. The open loop then follows those times instead of its rate, latency still counting from them.
     */
    default boolean timed() {
        return false;
    }

    /**
     * A timed source's start of the request just returned by {@link #get get(index)}, in nanoseconds from the
     * run's start; {@link #get} returns requests in the order of these times.
     */
    default long startNanos(long index) {
        throw new UnsupportedOperationException("not a timed request source");
    }

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
