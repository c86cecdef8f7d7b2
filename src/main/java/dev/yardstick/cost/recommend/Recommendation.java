package dev.yardstick.cost.recommend;

import java.util.List;

/**
 * The cheapest model of a scenario that meets every constraint, why each cheaper one was passed over, the models
 * rejected that cost more, and the points where the ranking would change.
 *
 * @param chosen          the recommended model, or null when none meets every constraint
 * @param cheaperRejected the models cheaper than the chosen one (all models when none was chosen), cheapest first
 * @param otherRejected   the dearer models that also fail a constraint
 * @param verdict         one sentence that says what to pick, or that nothing fits
 */
public record Recommendation(String scenario, String chosen, List<Rejection> cheaperRejected,
                             List<Rejection> otherRejected, List<BreakEven> breakEvens, String verdict) {

    public Recommendation {
        cheaperRejected = List.copyOf(cheaperRejected);
        otherRejected = List.copyOf(otherRejected);
        breakEvens = List.copyOf(breakEvens);
    }
}
