package dev.yardstick.eval;

import java.util.Map;

/**
 * What an assertion judges: the answer's text and what is known about how it was produced, with the case it
 * answered (its id, the prompt as sent and its variables).
 *
 * @param latencyNanos the request's end-to-end latency; negative when the answer was not timed (a cached one)
 * @param costUsd      the request's cost, null when no price is known for the model
 */
public record Answer(String output, int outputTokens, long latencyNanos, Double costUsd, String caseId,
                     String prompt, Map<String, String> vars) {

    public Answer {
        output = output == null ? "" : output;
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }

    /** Why a latency limit cannot judge an answer that was not timed. */
    static final String UNTIMED = "the answer came from the response cache and has no latency of its own"
            + " (--no-cache measures it)";

    /** Whether the answer's latency was measured: a replayed (cached) answer's was not. */
    public boolean timed() {
        return latencyNanos >= 0;
    }

    public double latencyMs() {
        return latencyNanos / 1e6;
    }
}
