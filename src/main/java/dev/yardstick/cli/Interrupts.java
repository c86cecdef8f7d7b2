package dev.yardstick.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), or a CI job being cancelled (SIGTERM), without losing the run: the first signal calls the action
 * (cancel the orchestrator) and lets the command write its partial report and exit 130; a second one exits at once.
 */
final class Interrupts {

    private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

    private Interrupts() {
    }

    static void onInterrupt(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (INTERRUPTED.getAndSet(true)) {
                        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                    }
                    System.err.println("interrupted: finishing the partial report (Ctrl-C again to quit at once)");
                    action.run();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // This signal does not exist here: the JVM's default handling applies.
            }
        }
    }

    static boolean interrupted() {
        return INTERRUPTED.get();
    }
}
