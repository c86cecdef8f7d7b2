package dev.yardstick.cost.workload;

import java.time.Duration;

/**
 * What a report measured for one model, for the constraints that need measurements. Either value may be null
 * when the report did not measure it.
 *
 * @param p95Latency  the p95 end-to-end latency of successful requests
 * @param passRate    the share of checks passed, in [0, 1]
 * @param source      the report it was read from, named in every reason that uses it
 */
public record ModelEvidence(Duration p95Latency, Double passRate, String source) {
}
