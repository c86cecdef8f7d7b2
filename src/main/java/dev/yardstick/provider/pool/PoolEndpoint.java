package dev.yardstick.provider.pool;

import dev.yardstick.config.BreakerPolicy;
import dev.yardstick.provider.ModelClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One endpoint of a pool and its health: the requests it has in flight, and the circuit breaker whose open state is
 * the endpoint's ejection. After the cool-down the breaker lets one trial call through (half-open): that request is
 * the probe, and its success lets the endpoint back in.
 */
final class PoolEndpoint {

    private final String name;
    private final ModelClient client;
    private final int weight;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong ejected = new AtomicLong();
    private final AtomicLong readmitted = new AtomicLong();

    PoolEndpoint(String name, ModelClient client, int weight, BreakerPolicy ejection, Clock clock) {
        this.name = name;
        this.client = client;
        this.weight = weight;
        this.breaker = CircuitBreaker.of(name, ejection.config(clock));
        breaker.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN -> ejected.incrementAndGet();
                case CLOSED -> readmitted.incrementAndGet();
                default -> { }
            }
        });
    }

    String name() {
        return name;
    }

    ModelClient client() {
        return client;
    }

    int weight() {
        return weight;
    }

    int inFlight() {
        return inFlight.get();
    }

    /**
     * Takes this endpoint for one try when it is in (or when its cool-down is over and no probe is out yet: this
     * try is then the probe); false while it is out.
     */
    boolean tryTake() {
        if (!breaker.tryAcquirePermission()) {
            return false;
        }
        inFlight.incrementAndGet();
        return true;
    }

    void release(EndpointRouter.Outcome outcome, long tookNanos) {
        inFlight.decrementAndGet();
        switch (outcome) {
            case ANSWERED -> breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
            case FAILED -> breaker.onError(tookNanos, TimeUnit.NANOSECONDS, EndpointFailed.INSTANCE);
            case UNJUDGED -> breaker.releasePermission();
        }
    }

    /** True while taken out: open, or half-open with its probe in flight. */
    boolean out() {
        return breaker.getState() != CircuitBreaker.State.CLOSED;
    }

    EndpointRouter.Ejections ejections() {
        return new EndpointRouter.Ejections(ejected.get(), readmitted.get());
    }

    /** What the breaker records as a failed call; the sample keeps the real error. */
    private static final class EndpointFailed extends RuntimeException {
        static final EndpointFailed INSTANCE = new EndpointFailed();

        private EndpointFailed() {
            super("the endpoint failed the request", null, false, false);
        }
    }
}
