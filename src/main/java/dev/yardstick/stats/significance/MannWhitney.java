package dev.yardstick.stats.significance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test, as R's {@code wilcox.test(x, y)} computes it: the exact
 * distribution of U when both samples have fewer than {@value #EXACT_BELOW} values and no value is tied, else the
 * normal approximation with the tie correction of the variance and a continuity correction of ½. commons-math3's
 * own {@code MannWhitneyUTest} corrects neither, so only its ranking and normal distribution are used here.
 */
public final class MannWhitney {

    /** Both samples below this size and no ties: the exact distribution. */
    public static final int EXACT_BELOW = 50;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitney() {
    }

    public static RankTest test(double[] baseline, double[] current) {
        int m = current.length;
        int n = baseline.length;
        if (m == 0 || n == 0) {
            return new RankTest(n, m, TestMethod.NONE, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double[] all = new double[m + n];
        System.arraycopy(current, 0, all, 0, m);
        System.arraycopy(baseline, 0, all, m, n);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
        double rankSum = 0;
        for (int i = 0; i < m; i++) {
            rankSum += ranks[i];
        }
        double u = rankSum - m * (m + 1) / 2.0;
        double mn = (double) m * n;
        double ties = tieTerm(all);
        double cl = u / mn;
        if (m < EXACT_BELOW && n < EXACT_BELOW && ties == 0) {
            double p = exactTwoSided((int) Math.round(u), m, n);
            return new RankTest(n, m, TestMethod.EXACT, u, Double.NaN, p, cl, 2 * cl - 1);
        }
        int total = m + n;
        double sigma = Math.sqrt(mn / 12 * ((total + 1) - ties / ((double) total * (total - 1))));
        double centred = u - mn / 2;
        double z = sigma == 0 ? 0 : (centred - Math.signum(centred) * 0.5) / sigma;
        double p = sigma == 0 ? 1 : Math.min(1, 2 * Math.min(NORMAL.cumulativeProbability(z),
                1 - NORMAL.cumulativeProbability(z)));
        return new RankTest(n, m, TestMethod.NORMAL, u, z, p, cl, 2 * cl - 1);
    }

    /** Σ (t³ − t) over the groups of tied values. */
    private static double tieTerm(double[] values) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        double sum = 0;
        for (int t : counts.values()) {
            sum += (double) t * t * t - t;
        }
        return sum;
    }

    /**
     * Two-sided exact p: twice the smaller tail at u, capped at 1. The count of arrangements giving each U follows
     * from the largest of all values: a candidate value beats all n baseline values, so
     * {@code f(m, n, u) = f(m − 1, n, u − n) + f(m, n − 1, u)}.
     */
    static double exactTwoSided(int u, int m, int n) {
        double[] counts = distribution(m, n);
        double total = Arrays.stream(counts).sum();
        double lower = 0;
        for (int k = 0; k <= u; k++) {
            lower += counts[k];
        }
        double upper = 0;
        for (int k = u; k < counts.length; k++) {
            upper += counts[k];
        }
        return Math.min(1, 2 * Math.min(lower, upper) / total);
    }

    /** How many orderings of m candidate and n baseline values give U = 0 .. m·n. */
    static double[] distribution(int m, int n) {
        int max = m * n;
        // previous[j][u] = f(i − 1, j, u); current[j][u] = f(i, j, u)
        double[][] previous = new double[n + 1][max + 1];
        for (int j = 0; j <= n; j++) {
            previous[j][0] = 1; // no candidate values: U = 0 in one way
        }
        for (int i = 1; i <= m; i++) {
            double[][] current = new double[n + 1][max + 1];
            current[0][0] = 1; // no baseline values: U = 0 in one way
            for (int j = 1; j <= n; j++) {
                for (int u = 0; u <= i * j; u++) {
                    current[j][u] = current[j - 1][u] + (u >= j ? previous[j][u - j] : 0);
                }
            }
            previous = current;
        }
        return previous[n];
    }
}
