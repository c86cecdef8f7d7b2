package dev.yardstick.provider.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted round-robin, smooth as nginx does it: every turn each endpoint gains its weight, the one with the most
 * goes first, and the one taken pays the total back. Weights 3:1 give a a b a, a a b a, ...: the exact ratio over
 * every cycle, without bursts to one endpoint; while one is out, the next in line takes its turns and pays for them.
 */
final class SmoothWeighted implements Balancer {

    private final Map<PoolEndpoint, Long> current = new IdentityHashMap<>();
    private final long total;

    SmoothWeighted(List<PoolEndpoint> endpoints) {
        endpoints.forEach(e -> current.put(e, 0L));
        total = endpoints.stream().mapToLong(PoolEndpoint::weight).sum();
    }

    @Override
    public synchronized List<PoolEndpoint> order(List<PoolEndpoint> endpoints) {
        endpoints.forEach(e -> current.merge(e, (long) e.weight(), Long::sum));
        List<PoolEndpoint> out = new ArrayList<>(endpoints);
        out.sort(Comparator.comparingLong((PoolEndpoint e) -> current.get(e)).reversed());
        return out;
    }

    @Override
    public synchronized void took(PoolEndpoint endpoint) {
        current.merge(endpoint, -total, Long::sum);
    }
}
