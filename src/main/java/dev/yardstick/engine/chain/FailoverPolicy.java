package dev.yardstick.engine.chain;

import dev.yardstick.config.BreakerPolicy;
import java.util.List;

/**
 * Where a request goes when its model fails: the chain of model names tried in order after the request's own
 * model, with the retries each gets and the circuit breaker each has (null: none). An empty chain still retries
 * the request's model.
 */
public record FailoverPolicy(List<String> chain, RetryPolicy retry, BreakerPolicy breaker) {

    public static final FailoverPolicy NONE = new FailoverPolicy(List.of(), RetryPolicy.DEFAULTS,
            BreakerPolicy.DEFAULTS);

    public FailoverPolicy {
        chain = List.copyOf(chain);
    }

    /** Retries of the request's own model only: no failover, no breaker. */
    public static FailoverPolicy retryOnly(RetryPolicy retry) {
        return new FailoverPolicy(List.of(), retry, null);
    }

    /** The models to try for a turn whose own model is {@code target}: it first, then the chain without it. */
    public List<String> order(String target) {
        List<String> order = new java.util.ArrayList<>();
        order.add(target);
        for (String name : chain) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
        return order;
    }
}
