/**
 * The client watching itself: Yardstick's own CPU use, peak memory and scheduling lag over each step, and the
 * judgement whether the client was saturated, so a report can say when its latencies include the client's own
 * queueing. Knows no provider and no statistic of the endpoint.
 */
package dev.yardstick.watch;
