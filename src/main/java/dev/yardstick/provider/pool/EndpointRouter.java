package dev.yardstick.provider.pool;

import dev.yardstick.provider.ModelClient;
import java.util.Map;

/**
 * A model that is several endpoints: each try of a request is sent to one of them, picked by the router, and its
 * outcome told back so the router can keep count of what is in flight and take a failing endpoint out.
 */
public interface EndpointRouter {

    /** Picks the endpoint of one try and counts it in flight until {@link Route#ended}. Never null. */
    Route route();

    /** How often each endpoint was taken out and let back in so far, by endpoint name. */
    Map<String, Ejections> ejections();

    /** One try's endpoint. */
    interface Route {

        /** The endpoint's client; one that fails at once when every endpoint is out. */
        ModelClient client();

        /** The endpoint's name in reports; null when every endpoint was out and nothing was sent. */
        String endpoint();

        /** The try is over; call once. */
        void ended(Outcome outcome);
    }

    /** What a try says about its endpoint's health. */
    enum Outcome {
        /** A complete answer. */
        ANSWERED,
        /** The endpoint failed it (an HTTP error, a timeout, a broken stream, a refused connection). */
        FAILED,
        /** Nothing to judge the endpoint by: the run was cancelled, or the client hit its own limit. */
        UNJUDGED
    }

    /**
     * @param ejected     times the endpoint was taken out (a failed probe takes it out again)
     * @param readmitted  times a probe succeeded and let it back in
     */
    record Ejections(long ejected, long readmitted) {

        public Ejections minus(Ejections earlier) {
            return new Ejections(ejected - earlier.ejected, readmitted - earlier.readmitted);
        }
    }
}
