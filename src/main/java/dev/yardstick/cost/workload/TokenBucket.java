package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;

/** A kind of request in a scenario: its input and output tokens and how often it occurs relative to the others. */
public record TokenBucket(Double input, Double output, Double weight) {

    public TokenBucket {
        input = tokens("input", input);
        output = tokens("output", output);
        weight = weight == null ? 1.0 : weight;
        if (!(weight > 0) || weight.isInfinite()) {
            throw new InputException("'weight' must be positive, got " + weight);
        }
    }

    public static TokenBucket of(double input, double output) {
        return new TokenBucket(input, output, 1.0);
    }

    private static Double tokens(String field, Double value) {
        if (value == null) {
            throw new InputException("'" + field + "' tokens per request are missing");
        }
        if (value < 0 || value.isNaN() || value.isInfinite()) {
            throw new InputException("'" + field + "' tokens per request must not be negative, got " + value);
        }
        return value;
    }
}
