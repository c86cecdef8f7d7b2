package dev.yardstick.provider.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The endpoint with the fewest requests in flight first, so a slow replica gets fewer requests; ties go round-robin,
 * so equal endpoints share the load evenly.
 */
final class LeastInFlight implements Balancer {

    private final AtomicLong turn = new AtomicLong();

    @Override
    public List<PoolEndpoint> order(List<PoolEndpoint> endpoints) {
        List<PoolEndpoint> out = new ArrayList<>(RoundRobin.rotated(endpoints, turn.getAndIncrement()));
        out.sort(Comparator.comparingInt(PoolEndpoint::inFlight)); // stable: ties keep the rotation
        return out;
    }
}
