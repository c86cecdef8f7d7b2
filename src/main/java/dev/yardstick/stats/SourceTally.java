package dev.yardstick.stats;

import dev.yardstick.engine.TokenCounts;

import java.util.concurrent.atomic.LongAdder;

/** Counts, per source, the requests whose input or output token count came from it ({@link SourceCounts}). */
final class SourceTally {

    private final LongAdder reported = new LongAdder();
    private final LongAdder counted = new LongAdder();
    private final LongAdder estimated = new LongAdder();

    /**
     * @param providerCount the provider's count, null when it sent none and ours was used
     * @param tokens        the request's counts, which say whether ours was an estimate
     */
    void record(Integer providerCount, TokenCounts tokens) {
        if (providerCount != null) {
            reported.increment();
        } else if (tokens.countEstimated()) {
            estimated.increment();
        } else {
            counted.increment();
        }
    }

    void add(SourceTally other) {
        reported.add(other.reported.sum());
        counted.add(other.counted.sum());
        estimated.add(other.estimated.sum());
    }

    void reset() {
        reported.reset();
        counted.reset();
        estimated.reset();
    }

    SourceCounts sum() {
        return new SourceCounts(reported.sum(), counted.sum(), estimated.sum());
    }
}
