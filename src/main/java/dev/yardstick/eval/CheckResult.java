package dev.yardstick.eval;

/** One check on one answer: what was checked, whether it passed, and what was seen when it did not. */
public record CheckResult(String check, boolean passed, String detail) {
}
