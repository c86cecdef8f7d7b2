package dev.yardstick.benchmark;

import dev.yardstick.stats.ModelStats;
import java.util.List;

/** The error budget a sweep step is judged by: the share of requests that failed or missed an SLO. */
final class Budget {

    private Budget() {
    }

    /** The worst model's share, in percent, of requests that failed or missed an SLO; NaN when none ran. */
    static double badPercent(List<ModelStats> stats) {
        double worst = Double.NaN;
        for (ModelStats s : stats) {
            long attempted = s.requests().attempted();
            if (attempted > 0) {
                // From the counts, not 1 − attainment: 1 − 0.99 is not exactly 0.01, and a budget edge must be exact.
                double bad = 100.0 * (attempted - s.requests().metSlo()) / attempted;
                worst = Double.isNaN(worst) ? bad : Math.max(worst, bad);
            }
        }
        return worst;
    }

    /** Over the budget; a step where nothing ran is not judged. */
    static boolean over(double badPercent, double budgetPercent) {
        return badPercent > budgetPercent;
    }
}
