package dev.yardstick.engine;

/**
 * What the orchestrator says of a run as a whole. Times are nanoseconds on the run's clock (0 = the run's start).
 *
 * @param dispatched        requests started (warm-up included)
 * @param completed         samples delivered (successes and errors)
 * @param lateStarts        open loop: requests that were sent later than scheduled by more than 1 ms
 * @param maxLatenessNanos  open loop: the worst such delay
 * @param totalLatenessNanos open loop: the sum of such delays, for a mean
 * @param endedNanos        when the last sample was delivered
 * @param interrupted       true when the run was cancelled (Ctrl-C) before its plan was done
 */
public record RunSummary(long dispatched, long completed, long lateStarts, long maxLatenessNanos,
                         long totalLatenessNanos, long endedNanos, boolean interrupted) {
}
