package dev.yardstick.benchmark.capacity;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The Wilson score interval of SLO attainment: it keeps its coverage near the nominal level even close to 1,
 * where attainment lives and the normal approximation's interval would claim certainty it has not (with no misses
 * it would be [1, 1]).
 */
record AttainmentInterval(double low, double high) {

    /** The two-sided interval of {@code successes} of {@code n} at {@code confidence} (0.95). */
    static AttainmentInterval wilson(long successes, long n, double confidence) {
        if (n == 0) {
            return new AttainmentInterval(0, 1);
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(Math.toIntExact(n),
                Math.toIntExact(successes), confidence);
        // Rounding leaves n of n a hair below 1: the interval always holds the point estimate.
        double p = (double) successes / n;
        return new AttainmentInterval(Math.max(0, Math.min(p, ci.getLowerBound())),
                Math.min(1, Math.max(p, ci.getUpperBound())));
    }

    /**
     * The fewest requests whose interval can lie wholly at or above {@code target} (all of them met the SLO): the
     * low bound of n of n is n / (n + z²), so n ≥ z² · target / (1 − target). Fewer could never pass.
     */
    static long fewestToPass(double target, double z) {
        return (long) Math.ceil(z * z * target / (1 - target));
    }
}
