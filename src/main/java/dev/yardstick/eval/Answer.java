package dev.yardstick.eval;

import java.util.Map;

/**
 * What an assertion judges: the answer's text and what is known about how it was produced, with the case it
 * answered (its id, the prompt as sent and its variables).
 *
 * @param costUsd the request's cost, null when no price is known for the model
 */
public record Answer(String output, int outputTokens, long latencyNanos, Double costUsd, String caseId,
                     String prompt, Map<String, String> vars) {

    public Answer {
        output = output == null ? "" : output;
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }

    public double latencyMs() {
        return latencyNanos / 1e6;
    }
}
