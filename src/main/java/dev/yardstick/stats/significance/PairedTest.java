package dev.yardstick.stats.significance;

import dev.yardstick.stats.Interval;

/**
 * McNemar's test of one model's pass/fail results against another's on the same cases.
 *
 * @param cases               the cases judged on both sides
 * @param onlyBaseline        {@code b}: passed on the baseline, failed on the candidate (pass → fail)
 * @param onlyCurrent         {@code c}: failed on the baseline, passed on the candidate (fail → pass)
 * @param statistic           the smaller discordant count for the exact test, the corrected chi-square otherwise
 * @param pValue              two-sided
 * @param passRateDifference  candidate's pass rate − baseline's, {@code (c − b) / cases}; NaN without cases
 * @param differenceCi        its interval at the confidence asked
 * @param discordantOddsRatio {@code c / b}: above 1 the candidate wins more discordant cases; ∞ when b = 0
 *                            (null in JSON)
 */
public record PairedTest(int cases, int bothPassed, int onlyBaseline, int onlyCurrent, int bothFailed,
                         TestMethod method, double statistic, double pValue, double passRateDifference,
                         Interval differenceCi, double discordantOddsRatio) {

    public boolean significantAt(double confidence) {
        return pValue < 1 - confidence;
    }
}
