package dev.yardstick.switching.script;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.yardstick.config.Expectation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation script exactly as users write it (YAML, see {@code scenarios/switch-*.yaml}): the system prompt,
 * the models in play under names of the script's own, the user turns with the switches between them, and how to
 * fit the history into a smaller window and fail over when a provider is down. {@link ScriptLoader} checks it and
 * turns it into a {@link ConversationScript}; every field but {@code models} and {@code turns} is optional.
 *
 * @param start     the name of the model that answers the first turn; the first named model when absent
 * @param maxTokens the cap on every answer, also the room kept free for the answer when fitting the history
 * @param timeout   per-request timeout, e.g. {@code 30s}
 * @param faults    faults to inject, {@code MODEL:KIND@TURN} as with {@code --fault}
 */
record ScriptFile(String name, String description, String system, Map<String, ModelEntry> models,
                                 String start, Integer maxTokens, Double temperature, String timeout, Window window,
                                 Failover failover, List<String> faults, List<Turn> turns) {

    ScriptFile {
        // Declaration order matters: the first named model starts, and --matrix pairs them in this order.
        models = models == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        faults = faults == null ? List.of() : List.copyOf(faults);
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /**
     * A named model: {@code provider/model}, or an object that also caps its context window (the window you
     * deploy with, when it is smaller than what the provider reports).
     */
    public record ModelEntry(String model, Integer contextWindow) {

        @JsonCreator
        public ModelEntry {
        }

        @JsonCreator
        public static ModelEntry of(String model) {
            return new ModelEntry(model, null);
        }
    }

    /**
     * One user turn.
     *
     * @param switchTo   the name of the model to switch to before this turn ({@code switch:} in the file)
     * @param answeredBy the name of the model that must answer this turn (a check; catches a failover that never
     *                   recovers)
     */
    public record Turn(String user, @JsonProperty("switch") String switchTo, Expectation expect, String answeredBy) {
    }

    /**
     * How the history is fitted into a target's window: {@code strategy} is fail, drop-oldest, keep-last-n,
     * summarize or middle-out; {@code keepLast} the turns keep-last-n keeps; {@code summarizer} the named model
     * that condenses older turns and {@code summaryTokens} the room its summary may take.
     */
    public record Window(String strategy, Integer keepLast, String summarizer, Integer summaryTokens) {
    }

    /** The failover chain (model names, in order) and its retry and circuit-breaker settings. */
    public record Failover(List<String> chain, RetrySettings retry, BreakerSettings circuitBreaker) {
        public Failover {
            chain = chain == null ? List.of() : List.copyOf(chain);
        }
    }

    /** Retries of one model before moving on; durations as text ({@code 200ms}). */
    public record RetrySettings(Integer maxAttempts, String backoff, Double multiplier, Double jitter,
                                String maxBackoff, String maxRetryAfter) {
    }

    /** One circuit breaker per model; {@code failureRate} in percent. */
    public record BreakerSettings(Integer window, Integer minCalls, Double failureRate, String openFor,
                                  Integer halfOpenCalls) {
    }
}
