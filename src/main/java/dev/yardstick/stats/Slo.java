package dev.yardstick.stats;

import dev.yardstick.engine.Sample;

import java.time.Duration;
import java.util.Objects;

/**
 * One service-level objective: a latency bound a single request must meet to count towards goodput.
 *
 * <ul>
 *   <li>{@code ttft}: TTFT ≤ limit; a success with no content chunk has no TTFT and does not meet it.</li>
 *   <li>{@code e2e}: E2E ≤ limit.</li>
 *   <li>{@code itl}: <em>every</em> gap of the request ≤ limit, i.e. no stall longer than the limit, which is
 *       what a reader of the stream notices.</li>
 *   <li>{@code tpot}: the request's TPOT ≤ limit; a 1-token output has no decode phase and meets it.</li>
 * </ul>
 * An errored request never meets an SLO.
 */
public record Slo(Metric metric, Duration limit) {

    public Slo {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(limit, "limit");
        if (!metric.sloAllowed()) {
            throw new IllegalArgumentException("no SLO is defined on " + metric.key());
        }
    }

    public boolean meets(Sample sample) {
        return sample.ok() && metric.within(sample, limit.toNanos());
    }

    /** The canonical text, parseable again: {@code ttft=500ms}. */
    public String text() {
        return metric.key() + "=" + compact(limit);
    }

    /** The largest whole unit that represents the limit exactly: 5s, 500ms, 250us. */
    private static String compact(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 3_600_000_000_000L == 0 && nanos > 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0 && nanos > 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return Math.round(nanos / 1e3) + "us";
    }
}
