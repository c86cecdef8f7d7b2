package dev.yardstick.stats;

/**
 * A gate judged against one model: {@code failed} when the gate's condition held, or when the figure had no value.
 *
 * @param message  one line, e.g. {@code p95(ttft) = 912 ms > 800 ms} or {@code p95(ttft) = 700 ms, not > 800 ms}
 */
public record Verdict(Threshold threshold, String model, double actual, boolean failed, String message) {
}
