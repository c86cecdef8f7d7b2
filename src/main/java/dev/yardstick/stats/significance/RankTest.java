package dev.yardstick.stats.significance;

/**
 * The Mann-Whitney U test of two independent samples (e.g. latencies of two models).
 *
 * @param u               the candidate's U: pairs where the candidate's value is the larger, ties counting ½
 *                        (R's {@code W} of {@code wilcox.test(candidate, baseline)})
 * @param z               the normal deviate (continuity- and tie-corrected); NaN for the exact test
 * @param pValue          two-sided
 * @param commonLanguage  U / (n₁·n₂): the chance a candidate value exceeds a baseline value (ties ½)
 * @param rankBiserial    2·commonLanguage − 1, in [−1, 1]: positive when the candidate's values run larger
 */
public record RankTest(int baselineCount, int currentCount, TestMethod method, double u, double z, double pValue,
                       double commonLanguage, double rankBiserial) {

    public boolean significantAt(double confidence) {
        return pValue < 1 - confidence;
    }
}
