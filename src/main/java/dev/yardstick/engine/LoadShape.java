package dev.yardstick.engine;

/** How requests are offered: a fixed number in flight (closed loop) or at a fixed rate (open loop). */
public sealed interface LoadShape {

    /** {@code concurrency} requests in flight; the next starts when one ends. */
    record Closed(int concurrency) implements LoadShape {
        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
        }
    }

    /**
     * Requests start at {@code ratePerSecond}, every start time scheduled in advance (constant spacing or Poisson
     * arrivals from {@code seed}), and latency counts from the scheduled time. {@code maxConcurrency} caps how many
     * are in flight; a request waiting for a slot is late, and its wait is counted as latency and as queue time.
     * With a {@code ramp}, the rate follows it instead and {@code ratePerSecond} is the rate it ramps to.
     */
    record Open(double ratePerSecond, Arrival arrival, long seed, int maxConcurrency, Ramp ramp) implements LoadShape {

        /** A fixed rate. */
        public Open(double ratePerSecond, Arrival arrival, long seed, int maxConcurrency) {
            this(ratePerSecond, arrival, seed, maxConcurrency, null);
        }

        /** A rate that ramps; {@code ratePerSecond} is the ramp's end. */
        public Open(Ramp ramp, Arrival arrival, long seed, int maxConcurrency) {
            this(ramp.toRate(), arrival, seed, maxConcurrency, ramp);
        }

        public Open {
            if (!(ratePerSecond > 0)) {
                throw new IllegalArgumentException("rate must be positive");
            }
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("max concurrency must be at least 1");
            }
        }
    }

    enum Arrival { CONSTANT, POISSON }
}
