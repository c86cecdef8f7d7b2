package dev.yardstick.report.scores;

/**
 * A figure over all of a model's samples, and how much it moved between repetitions.
 *
 * @param value the figure over every sample; NaN when no sample gives it
 * @param sd    the standard deviation of the figure computed per repetition; NaN with fewer than two repetitions
 */
public record Spread(double value, double sd) {
}
