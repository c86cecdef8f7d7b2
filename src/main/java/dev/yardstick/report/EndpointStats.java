package dev.yardstick.report;

import dev.yardstick.stats.ModelStats;

/**
 * One endpoint of a pool over one step: every figure of the pool's, from the requests this endpoint answered or
 * failed, and how often the pool took it out for a cool-down and let it back in after a probe.
 *
 * @param pool       the pool's label, {@code pool:NAME}
 * @param endpoint   the endpoint's name: its config endpoint, or its model label
 * @param ejected    times it was taken out in the step (a failed probe takes it out again)
 * @param readmitted times a probe let it back in
 * @param stats      its figures; {@code stats.model()} reads {@code pool:NAME @ endpoint}
 */
public record EndpointStats(String pool, String endpoint, long ejected, long readmitted, ModelStats stats) {
}
