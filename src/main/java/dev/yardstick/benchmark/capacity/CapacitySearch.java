package dev.yardstick.benchmark.capacity;

import dev.yardstick.report.CapacityResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Finds the highest request rate whose SLO attainment holds a target: bracketing (the rate doubles while probes
 * pass, halves while they fail), then bisection of the bracket until its width is {@value #PRECISION_PERCENT}% of
 * its low end. Each probe is judged by the Wilson interval of its attainment at the given confidence: it passes when
 * the interval lies at or above the target, fails when it lies below, and when it straddles the target the probe is
 * run again with twice the requests, up to {@value #MAX_DOUBLINGS} doublings; a probe still undecided then is judged
 * by its point estimate and says so. A probe starts with at least the fewest requests that could pass at all (n of
 * n whose low bound reaches the target).
 */
public final class CapacitySearch {

    static final double PRECISION_PERCENT = 5;
    static final int MAX_DOUBLINGS = 3;
    /** Bracketing gives up after this many halvings or doublings: 2^12 ≈ 4096× the first rate either way. */
    static final int MAX_BRACKET_STEPS = 12;

    /** Runs one probe: a step at {@code rate} with {@code requests} measured requests. */
    @FunctionalInterface
    public interface Prober {
        /** @return the probe's requests attempted and those that met every SLO */
        Counts probe(int number, double rate, long requests);
    }

    /** What a probe measured. */
    public record Counts(long attempted, long metSlo) {
    }

    private final double target;
    private final double confidence;
    private final double z;
    private final long firstRequests;
    private final double maxRate;
    private final String slo;
    private final List<CapacityResult.Probe> probes = new ArrayList<>();

    /**
     * @param target       attainment to hold, a fraction (0.99)
     * @param confidence   two-sided confidence of each verdict, a fraction (0.95)
     * @param minRequests  the user's requests per probe, or null for the fewest that can pass
     * @param maxRate      no probe goes above this rate
     */
    public CapacitySearch(String slo, double target, double confidence, Long minRequests, double maxRate) {
        this.slo = slo;
        this.target = target;
        this.confidence = confidence;
        this.z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
        long fewest = AttainmentInterval.fewestToPass(target, z);
        this.firstRequests = minRequests == null ? fewest : Math.max(minRequests, fewest);
        this.maxRate = maxRate;
    }

    /** The rule as the report states it. */
    public String rule() {
        return String.format(Locale.ROOT, "a probe passes when the %s%% Wilson interval of its SLO attainment lies at"
                        + " or above %s%%, fails when it lies below; when it straddles the target the probe runs again"
                        + " with twice the requests (up to %d times), then is judged by its point estimate. %d"
                        + " requests at least per probe (n of n must reach the target). Bracketing by doubling, then"
                        + " bisection to %s%% of the rate.", pct(confidence), pct(target), MAX_DOUBLINGS,
                firstRequests, trim(PRECISION_PERCENT));
    }

    /**
     * Searches from {@code startRate}; stops early (with what it has) when {@code stopped} says so.
     */
    public CapacityResult run(double startRate, Prober prober, BooleanSupplier stopped) {
        Double low = null;
        Double high = null;
        double rate = Math.min(startRate, maxRate);
        for (int i = 0; i < MAX_BRACKET_STEPS && !stopped.getAsBoolean(); i++) {
            CapacityResult.Probe probe = probe(rate, prober, stopped);
            if (probe == null) {
                break;
            }
            if (probe.passed()) {
                low = rate;
                if (high != null || rate >= maxRate) {
                    break;
                }
                rate = Math.min(rate * 2, maxRate);
            } else {
                high = rate;
                if (low != null) {
                    break;
                }
                rate = rate / 2;
            }
        }
        while (low != null && high != null && (high - low) / low * 100 > PRECISION_PERCENT
                && !stopped.getAsBoolean()) {
            double mid = (low + high) / 2;
            CapacityResult.Probe probe = probe(mid, prober, stopped);
            if (probe == null) {
                break;
            }
            if (probe.passed()) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return new CapacityResult(slo, target, confidence, rule(), low, low, high, probes,
                conclusion(low, high, stopped.getAsBoolean()));
    }

    /** One rate, with more requests while its verdict is undecided; null when the run was stopped. */
    private CapacityResult.Probe probe(double rate, Prober prober, BooleanSupplier stopped) {
        long requests = firstRequests;
        for (int doubling = 0; ; doubling++) {
            Counts counts = prober.probe(probes.size() + 1, rate, requests);
            if (stopped.getAsBoolean()) {
                return null;
            }
            AttainmentInterval ci = AttainmentInterval.wilson(counts.metSlo(), counts.attempted(), confidence);
            double attainment = counts.attempted() == 0 ? 0 : (double) counts.metSlo() / counts.attempted();
            String verdict = ci.low() >= target ? "pass" : ci.high() < target ? "fail" : null;
            if (verdict == null && doubling == MAX_DOUBLINGS) {
                verdict = (attainment >= target ? "pass" : "fail") + " (point estimate)";
            }
            CapacityResult.Probe probe = new CapacityResult.Probe(probes.size() + 1, rate, counts.attempted(),
                    counts.metSlo(), attainment, ci.low(), ci.high(), verdict == null ? "undecided" : verdict);
            probes.add(probe);
            if (verdict != null) {
                return probe;
            }
            requests *= 2;
        }
    }

    private String conclusion(Double low, Double high, boolean stopped) {
        String prefix = stopped ? "Search stopped early: " : "";
        if (low == null) {
            return prefix + "no probed rate held " + pct(target) + "% SLO attainment (" + slo + ")"
                    + (high == null ? "." : "; the lowest probed, " + trim(high) + " req/s, failed.");
        }
        if (high == null) {
            return prefix + trim(low) + " req/s held " + pct(target) + "% SLO attainment (" + slo + "); no probed"
                    + " rate failed, so the capacity is at least that.";
        }
        return prefix + "maximum rate " + trim(low) + " req/s holding " + pct(target) + "% SLO attainment (" + slo
                + "), the knee between " + trim(low) + " (passed) and " + trim(high) + " req/s (failed).";
    }

    private static String pct(double fraction) {
        return trim(fraction * 100);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+$", "");
    }
}
