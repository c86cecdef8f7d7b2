package dev.yardstick.engine;

/**
 * When the engine counts tokens itself. Counting the output of every request costs CPU on the benchmark's hot
 * path, so a benchmark counts only where the server reported nothing; compare and switch-test count always and
 * keep both numbers.
 */
public enum TokenCounting {
    ALWAYS, WHEN_UNREPORTED
}
