package dev.yardstick.stats.significance;

import dev.yardstick.stats.Interval;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * McNemar's test of paired pass/fail outcomes: the same cases judged on a baseline and on a candidate. Only the
 * discordant cases (passed on one side only) carry information. With fewer than {@value #EXACT_BELOW} of them the
 * test is the exact two-sided binomial test of those cases against ½; from there on the chi-square statistic with
 * Edwards' continuity correction, {@code (|b − c| − 1)² / (b + c)}, whose p-value is then within a few percent of
 * the exact one.
 */
public final class McNemar {

    /** Below this many discordant cases the exact binomial test is used. */
    public static final int EXACT_BELOW = 25;

    private McNemar() {
    }

    /**
     * @param bothPassed   cases that passed on both sides
     * @param onlyBaseline cases that passed on the baseline only ({@code b}: pass → fail)
     * @param onlyCurrent  cases that passed on the candidate only ({@code c}: fail → pass)
     * @param bothFailed   cases that failed on both sides
     * @param confidence   the confidence of the interval of the pass-rate difference, e.g. 0.95
     */
    public static PairedTest test(int bothPassed, int onlyBaseline, int onlyCurrent, int bothFailed,
                                  double confidence) {
        int b = onlyBaseline;
        int c = onlyCurrent;
        int discordant = b + c;
        int n = bothPassed + b + c + bothFailed;
        TestMethod method;
        double statistic;
        double p;
        if (discordant == 0) {
            method = TestMethod.EXACT_BINOMIAL;
            statistic = 0;
            p = 1;
        } else if (discordant < EXACT_BELOW) {
            method = TestMethod.EXACT_BINOMIAL;
            statistic = Math.min(b, c);
            p = Math.min(1, 2 * new BinomialDistribution(null, discordant, 0.5).cumulativeProbability(Math.min(b, c)));
        } else {
            method = TestMethod.CHI_SQUARE_CORRECTED;
            double d = Math.max(0, Math.abs(b - c) - 1.0);
            statistic = d * d / discordant;
            p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
        }
        double difference = n == 0 ? Double.NaN : (double) (c - b) / n;
        return new PairedTest(n, bothPassed, b, c, bothFailed, method, statistic, p, difference,
                differenceInterval(b, c, n, confidence), b == 0 ? Double.POSITIVE_INFINITY : (double) c / b);
    }

    /**
     * The Wald interval of a paired difference of proportions (Agresti, Categorical Data Analysis, §10.1):
     * {@code (c − b)/n ± z·√(b + c − (c − b)²/n)/n}, clipped to [−1, 1].
     */
    static Interval differenceInterval(int b, int c, int n, double confidence) {
        if (n == 0) {
            return Interval.UNDEFINED;
        }
        double difference = (double) (c - b) / n;
        double se = Math.sqrt(Math.max(0, b + c - (double) (c - b) * (c - b) / n)) / n;
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
        return new Interval(Math.max(-1, difference - z * se), Math.min(1, difference + z * se));
    }
}
