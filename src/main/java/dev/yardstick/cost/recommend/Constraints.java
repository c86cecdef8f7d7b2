package dev.yardstick.cost.recommend;

import dev.yardstick.config.InputException;
import java.time.Duration;

/**
 * What the recommended model must meet; null leaves a constraint out. The latency and pass-rate constraints are
 * judged on evidence from a compare, benchmark or switch-test report ({@link ModelEvidence}).
 *
 * @param maxMonthlyUsd  the budget for any month of the scenario's period
 * @param minContext     the smallest acceptable prompt, in tokens: judged on a model's maximum input where it is
 *                       known, else on its context window
 * @param maxP95Latency  the slowest acceptable p95 end-to-end latency
 * @param minPassRate    the lowest acceptable pass rate, a share in [0, 1]
 */
public record Constraints(Double maxMonthlyUsd, Integer minContext, Duration maxP95Latency, Double minPassRate) {

    public static final Constraints NONE = new Constraints(null, null, null, null);

    public Constraints {
        if (maxMonthlyUsd != null && !(maxMonthlyUsd >= 0)) {
            throw new InputException("--max-monthly must be zero or more USD, got " + maxMonthlyUsd);
        }
        if (minContext != null && minContext <= 0) {
            throw new InputException("--min-context must be a positive number of tokens, got " + minContext);
        }
        if (maxP95Latency != null && (maxP95Latency.isNegative() || maxP95Latency.isZero())) {
            throw new InputException("--max-p95-latency must be positive, got " + maxP95Latency);
        }
        if (minPassRate != null && !(minPassRate >= 0 && minPassRate <= 1)) {
            throw new InputException("--min-pass-rate must be a share between 0 and 1 (0.9 = 90%), got "
                    + minPassRate);
        }
    }

    public boolean any() {
        return maxMonthlyUsd != null || minContext != null || maxP95Latency != null || minPassRate != null;
    }
}
