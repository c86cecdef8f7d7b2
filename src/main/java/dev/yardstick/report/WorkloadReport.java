package dev.yardstick.report;

import java.util.List;

/**
 * What one benchmark step's workload adds to its figures, each part null when the step did not use it: the replayed
 * trace, the sessions (per turn and per session), the shared prefix (first-token time of the requests that could hit
 * the server's prefix cache and of the cold ones) and the check of forced output lengths.
 *
 * @param step  the step's number
 */
public record WorkloadReport(int step, TraceReplay trace, Sessions sessions, Prefix prefix,
                             OutputLength outputLength) {

    /** A distribution in milliseconds: count, p50, p90, p99, max and mean (HdrHistogram, 3 significant digits). */
    public record Latencies(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {
    }

    /**
     * @param requests      the traced requests replayed (each to every model)
     * @param timeScale     1 at the trace's own pace, 0.5 twice as fast
     * @param spanSeconds   the trace's span after scaling: first to last start
     * @param blocks        Mooncake hash-id blocks sent, and how many of them repeated an id sent before (a prefix a
     *                      server could have cached)
     */
    public record TraceReplay(String file, String format, long requests, double timeScale, double spanSeconds,
                              long blocks, long repeatedBlocks) {
    }

    /**
     * @param started         sessions that sent their first turn
     * @param completed       sessions whose every turn succeeded
     * @param turnsPerSession the turns a session has
     * @param thinkTime       the pause between an answer and the next question
     * @param turnsCompleted  successful turns over every session
     * @param duration        from a session's first scheduled start to its last answer, of completed sessions
     * @param turns           first-token and whole-answer times by turn: each turn carries the history before it
     */
    public record Sessions(long started, long completed, int turnsPerSession, String thinkTime, long turnsCompleted,
                           Latencies duration, List<Turn> turns) {
        public Sessions {
            turns = List.copyOf(turns);
        }
    }

    /**
     * @param turn             1-based
     * @param meanInputTokens  the mean prompt size of the turn's successful requests, history included
     */
    public record Turn(int turn, long succeeded, long failed, double meanInputTokens, Latencies ttft,
                       Latencies e2e) {
    }

    /**
     * @param tokens    the prefix's length
     * @param share     the share of requests that begin with the shared prefix (0..1)
     * @param eligible  first-token times of the successful requests that began with the shared prefix
     * @param cold      first-token times of those that began with a prefix of their own
     */
    public record Prefix(int tokens, double share, Latencies eligible, Latencies cold) {
    }

    /**
     * @param forced    the protocol's fields asked for exactly the length ({@code min_tokens} and {@code ignore_eos})
     * @param how       how the length was asked for, per model
     * @param checked   successful requests whose output length was checked
     * @param shorter   of those, answers shorter than asked
     * @param longer    answers longer than asked
     */
    public record OutputLength(boolean forced, List<String> how, long checked, long shorter, long longer) {
        public OutputLength {
            how = List.copyOf(how);
        }

        /** Answers whose length was not the one asked for. */
        public long unmet() {
            return shorter + longer;
        }
    }
}
