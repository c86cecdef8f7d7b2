package dev.yardstick.cost.recommend;

/**
 * Where two models swap places: once {@code parameter} reaches {@code at} (it is {@code now} in the scenario),
 * {@code overtaker} costs less than {@code cheaperNow}. Costs are linear in each parameter, so the point is exact.
 *
 * @param parameter   {@code cache-share}, {@code batch-share} or {@code requests-per-day}
 * @param text        the same in one sentence, for people
 */
public record BreakEven(String parameter, String cheaperNow, String overtaker, double at, double now, String text) {
}
