package dev.yardstick.engine;

/**
 * What the orchestrator says of a run as a whole. Times are nanoseconds on the run's clock (0 = the run's start).
 *
 * @param dispatched        measured requests started (warm-ups apart)
 * @param completed         measured samples delivered (successes and errors)
 * @param lateStarts        open loop: measured requests sent later than scheduled by more than 1 ms (a warm-up
 *                          waits for a cold server or client and says nothing of the schedule that is measured)
 * @param maxLatenessNanos  open loop: the worst such delay
 * @param totalLatenessNanos open loop: the sum of such delays, for a mean
 * @param endedNanos        when the last sample was delivered
 * @param interrupted       true when the run was cancelled (Ctrl-C) before its plan was done
 * @param warmups           warm-up requests ({@code --warmup}) started
 */
public record RunSummary(long dispatched, long completed, long lateStarts, long maxLatenessNanos,
                         long totalLatenessNanos, long endedNanos, boolean interrupted, long warmups) {
}
