package dev.yardstick.provider.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Each request starts one endpoint further along the list; an endpoint that is out is skipped to the next. */
final class RoundRobin implements Balancer {

    private final AtomicLong turn = new AtomicLong();

    @Override
    public List<PoolEndpoint> order(List<PoolEndpoint> endpoints) {
        return rotated(endpoints, turn.getAndIncrement());
    }

    /** The list rotated left by {@code by}, the endpoint at {@code by mod size} first. */
    static List<PoolEndpoint> rotated(List<PoolEndpoint> endpoints, long by) {
        int n = endpoints.size();
        int start = (int) Math.floorMod(by, (long) n);
        List<PoolEndpoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(endpoints.get((start + i) % n));
        }
        return out;
    }
}
