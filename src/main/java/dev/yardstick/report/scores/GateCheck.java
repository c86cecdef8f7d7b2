package dev.yardstick.report.scores;

/**
 * One quality gate judged for one model against its baseline.
 *
 * @param gate      {@code pass-rate}, {@code latency} or {@code cost}
 * @param change    how much worse (positive) or better (negative): points of pass rate lost, or percent more
 *                  median latency or mean cost; NaN when undefined
 * @param unit      {@code points} or {@code %}
 * @param allowance how much worse it may get, in the same unit
 * @param pValue    the test's two-sided p-value
 * @param test      which test gave it, e.g. {@code McNemar, exact binomial}
 * @param verdict   a {@link dev.yardstick.stats.Judgement} label: regressed, improved, within-allowance,
 *                  within-noise, undefined
 * @param failed    the verdict is regressed: worse by more than the allowance, and significantly so
 */
public record GateCheck(String gate, String model, String baseline, double baselineValue, double value,
                        double change, String unit, double allowance, double pValue, String test, String verdict,
                        boolean failed) {
}
