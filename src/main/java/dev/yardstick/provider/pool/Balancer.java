package dev.yardstick.provider.pool;

import dev.yardstick.config.PoolConfig;
import java.util.List;

/**
 * The order in which a pool offers a request to its endpoints: the pool takes the first that is in. Each call is
 * one request's turn, so stateful orders (round-robin, weighted) advance once per request.
 */
interface Balancer {

    List<PoolEndpoint> order(List<PoolEndpoint> endpoints);

    /** The pool took {@code endpoint} for the request it ordered last. */
    default void took(PoolEndpoint endpoint) {
    }

    static Balancer of(PoolConfig.Balance balance, List<PoolEndpoint> endpoints) {
        return switch (balance) {
            case ROUND_ROBIN -> new RoundRobin();
            case LEAST_IN_FLIGHT -> new LeastInFlight();
            case WEIGHTED -> new SmoothWeighted(endpoints);
        };
    }
}
