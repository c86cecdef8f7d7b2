package dev.yardstick.cli;

import java.time.Duration;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), or a CI job being cancelled (SIGTERM), without losing the run: the first signal calls the action
 * (cancel the run) and lets the command write its partial report and exit 130. coreutils {@code timeout} and CI
 * runners signal both the process and its process group, so one cancellation often arrives twice: a second signal
 * within {@link #GRACE} of the first is taken as the same one. Only a deliberate later one exits at once (still
 * 130, leaving the samples file whole line by line, but with no report).
 */
final class Interrupts {

    /** How long after the first signal another one is still the same request. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final SignalGrace SIGNALS = new SignalGrace(GRACE.toNanos());

    private Interrupts() {
    }

    static void onInterrupt(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                // One handler at a time (each signal gets a thread of its own), so the lines come out in order.
                Signal.handle(new Signal(name), signal -> {
                    synchronized (SIGNALS) {
                        react(SIGNALS.on(System.nanoTime()), action);
                    }
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // This signal does not exist here: the JVM's default handling applies.
            }
        }
    }

    private static void react(SignalGrace.Verdict verdict, Runnable action) {
        switch (verdict) {
            case FIRST -> {
                System.err.println("interrupted: finishing the partial report (interrupt again after "
                        + GRACE.toSeconds() + " s to quit at once, without it)");
                action.run();
            }
            case WITHIN_GRACE -> System.err.println("interrupted again within " + GRACE.toSeconds()
                    + " s: taken as the same request, still finishing the report");
            case QUIT -> Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
    }
}
