package dev.yardstick.config;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an answer must satisfy, as written in a prompt set or conversation script: texts it must contain or must
 * not contain (case-insensitive), a regular expression it must match, and limits on its length and latency.
 * Every field is optional.
 */
public record Expectation(List<String> contains, List<String> notContains, String regex, Integer maxTokens,
                          String maxLatency) {

    public Expectation {
        contains = contains == null ? List.of() : List.copyOf(contains);
        notContains = notContains == null ? List.of() : List.copyOf(notContains);
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InputException("invalid regex '" + regex + "': " + e.getDescription());
            }
        }
        if (maxLatency != null) {
            Durations.parse(maxLatency);
        }
    }

    public boolean isEmpty() {
        return contains.isEmpty() && notContains.isEmpty() && regex == null && maxTokens == null && maxLatency == null;
    }

    public Duration maxLatencyDuration() {
        return maxLatency == null ? null : Durations.parse(maxLatency);
    }
}
