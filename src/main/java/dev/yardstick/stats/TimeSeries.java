package dev.yardstick.stats;

import java.util.List;

/**
 * A step's figures second by second, each second's from the requests that <em>ended</em> in it (latencies count
 * from the scheduled start, as everywhere): a falling throughput or a climbing TTFT shows when it began, which the
 * step's totals cannot.
 *
 * @param step     the step's load label
 * @param seconds  one row per second from the step's start; the last may be shorter (its {@code length} says)
 */
public record TimeSeries(String step, List<Second> seconds) {

    public TimeSeries {
        seconds = List.copyOf(seconds);
    }

    public static final String FORMULA = "Per second of the step, from the requests that ended in it (warm-up"
            + " excluded): requests ended, successes, errors, throughput = successes / length of the second,"
            + " output tokens/s, TTFT and E2E p50/p90/p99 of its successes (an HdrHistogram per second), requests in"
            + " flight when it ended";

    /**
     * One second.
     *
     * @param second      0-based, from the step's start
     * @param length      seconds it covers (1, the last one shorter)
     * @param ended       measured requests that ended in it
     * @param errors      of those, failed
     * @param throughput  successes per second
     * @param outputTokensPerSecond output tokens of its successes per second
     * @param ttftP50     ms; null when no success ended in it (also for the other percentiles)
     * @param inFlight    requests in flight at its end
     */
    public record Second(int second, double length, long ended, long errors, double throughput,
                         double outputTokensPerSecond, Double ttftP50, Double ttftP90, Double ttftP99,
                         Double e2eP50, Double e2eP90, Double e2eP99, int inFlight) {
    }

    /** Every second's requests added up. */
    public long ended() {
        return seconds.stream().mapToLong(Second::ended).sum();
    }
}
