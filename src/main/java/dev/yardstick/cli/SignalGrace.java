package dev.yardstick.cli;

/**
 * What a signal means given the ones before it: the first interrupts; another within the grace period repeats it
 * (one cancellation delivered to the process and to its group); one after the grace period is a deliberate order to
 * quit at once. Thread-safe: each signal is handled on a thread of its own.
 */
final class SignalGrace {

    enum Verdict { FIRST, WITHIN_GRACE, QUIT }

    private final long graceNanos;
    private boolean signalled;
    private long firstAt;

    SignalGrace(long graceNanos) {
        this.graceNanos = graceNanos;
    }

    /** @param now {@link System#nanoTime()} when the signal arrived */
    synchronized Verdict on(long now) {
        if (!signalled) {
            signalled = true;
            firstAt = now;
            return Verdict.FIRST;
        }
        return now - firstAt < graceNanos ? Verdict.WITHIN_GRACE : Verdict.QUIT;
    }
}
