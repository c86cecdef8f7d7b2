package dev.yardstick.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The regression gate's calibration, in-process: runs of a loopback-like setup (n = 200 requests, one at a time; the
 * server waits 20 ms to the first token and 4 ms between six tokens; the client adds log-normal overhead that
 * drifts from run to run, and 2% of requests stall up to 15 ms as on a busy machine). Pairs of runs of the same
 * setup must give at most 1 false regression in 20 at a 10% allowance; a real +20% shift of the server's delays
 * must be caught in at least 19 of 20. {@code bench/gate-calibration.sh} shows the same with real runs.
 */
class GateCalibrationTest {

    private static final int N = 200;
    private static final int PAIRS = 20;
    private static final RegressionRule RULE = new RegressionRule(10, 0.95, false);

    /** One run; {@code serverScale} multiplies the server's delays (1.2 is the +20% shift). */
    private static ModelStats run(SplittableRandom random, double serverScale) {
        MetricsRecorder recorder = new MetricsRecorder(SloSet.NONE, Instant.EPOCH);
        double drift = 0.8 + 0.45 * random.nextDouble(); // this run's client overhead, 0.8×..1.25×
        double start = 0;
        for (int i = 0; i < N; i++) {
            double ttft = 20 * serverScale + overhead(random, 0.3 * drift);
            double[] gaps = new double[5];
            double e2e = ttft;
            for (int g = 0; g < gaps.length; g++) {
                gaps[g] = 4 * serverScale + overhead(random, 0.05 * drift);
                e2e += gaps[g];
            }
            recorder.record(sample().at(start).queue(0.01).ttft(ttft).e2e(e2e).gaps(gaps).reported(12, 6).build());
            start += e2e + overhead(random, 0.2 * drift);
        }
        return recorder.snapshot().getFirst();
    }

    /** Log-normal client overhead around {@code medianMs}, with a 2% chance of a stall of up to 15 ms. */
    private static double overhead(SplittableRandom random, double medianMs) {
        double stall = random.nextDouble() < 0.02 ? 15 * random.nextDouble() : 0;
        return medianMs * Math.exp(random.nextGaussian()) + stall;
    }

    /** Twenty pairs, baseline then new run, the new one's server delays scaled by {@code shift}. */
    private static List<StatsDiff> pairs(long seed, double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        List<StatsDiff> diffs = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            diffs.add(StatsDiff.between(run(random, 1), run(random, shift), RULE.confidence()));
        }
        return diffs;
    }

    private static long regressed(List<StatsDiff> diffs) {
        return diffs.stream().filter(d -> !d.regressions(RULE).isEmpty()).count();
    }

    /** What the gate did before: a gated figure worse than the allowance (and the 0.1 ms floor), noise or not. */
    private static long beyondAllowanceAlone(List<StatsDiff> diffs) {
        return diffs.stream().filter(d -> d.figures().stream().anyMatch(f -> f.gated() && f.change().worseBeyond(10)
                && (!"ms".equals(f.quantity().unit()) || f.change().absolute() >= 0.1))).count();
    }

    @Test
    void twentyPairsOfTheSameSetupGiveAtMostOneFalseRegression() {
        List<StatsDiff> same = pairs(1, 1.0);
        long falseRegressions = regressed(same);
        assertTrue(falseRegressions <= 1, falseRegressions + " false regressions of " + PAIRS);
        // Not a vacuous pass: the tails of 200 requests with stalls do move by more than 10% between runs, and the
        // allowance alone would have failed these builds.
        long allowanceAlone = beyondAllowanceAlone(same);
        assertTrue(allowanceAlone >= 5, "the allowance alone flags " + allowanceAlone + " of " + PAIRS);
    }

    @Test
    void aTwentyPercentShiftIsCaughtInAtLeastNineteenOfTwenty() {
        long caught = regressed(pairs(2, 1.2));
        assertTrue(caught >= 19, "caught " + caught + " of " + PAIRS);
    }

    @Test
    void p99OfTwoHundredRequestsIsTooFewSamplesAndP95IsJudged() {
        SplittableRandom random = new SplittableRandom(5);
        StatsDiff diff = StatsDiff.between(run(random, 1), run(random, 1.2), RULE.confidence());
        assertEquals(Judgement.TOO_FEW_SAMPLES, diff.metric(Metric.TTFT).figure(Stat.P99).judge(RULE));
        assertEquals(Judgement.REGRESSED, diff.metric(Metric.TTFT).figure(Stat.P50).judge(RULE));
        assertTrue(diff.metric(Metric.TTFT).figure(Stat.P95).baselineCi().bounded());
        assertEquals(Judgement.REGRESSED, diff.metric(Metric.TTFT).figure(Stat.P99)
                .judge(new RegressionRule(10, 0.95, true)), "--gate-unsupported judges it on its change alone");
    }
}
