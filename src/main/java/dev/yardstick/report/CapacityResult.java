package dev.yardstick.report;

import java.util.List;

/**
 * What {@code --find-max-rate} found: the highest rate whose SLO attainment held the target, as the bracket the
 * search closed (the highest rate that passed and the lowest that failed), with every probe.
 *
 * @param slo          the SLOs attainment counts against
 * @param target       the attainment to hold, a fraction (0.99)
 * @param confidence   the confidence of each probe's verdict, a fraction (0.95)
 * @param rule         how a probe is judged and how many requests it takes
 * @param maxRate      the highest rate that passed, req/s; null when even the first probe failed
 * @param rateLow      the bracket's low end: the knee lies at or above it (= maxRate)
 * @param rateHigh     the bracket's high end: the lowest rate that failed; null when no probe failed
 * @param probes       in the order they ran
 * @param conclusion   one line for the reader
 */
public record CapacityResult(String slo, double target, double confidence, String rule, Double maxRate,
                             Double rateLow, Double rateHigh, List<Probe> probes, String conclusion) {

    public CapacityResult {
        probes = List.copyOf(probes);
    }

    /**
     * One probe: a step at a fixed rate.
     *
     * @param attainment  successes meeting every SLO / attempted
     * @param low         the attainment's lower confidence bound (Wilson score)
     * @param high        its upper bound
     * @param verdict     {@code pass} (the low bound is at or above the target), {@code fail} (the high bound is
     *                    below it) or {@code pass (point estimate)} / {@code fail (point estimate)} when the
     *                    interval still straddled the target at the request cap
     */
    public record Probe(int number, double rate, long requests, long metSlo, double attainment, double low,
                        double high, String verdict) {

        public boolean passed() {
            return verdict.startsWith("pass");
        }
    }
}
