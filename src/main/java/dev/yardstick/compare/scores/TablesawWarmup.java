package dev.yardstick.compare.scores;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Initialises tablesaw's {@code Table} on a thread of its own while a comparison's requests run. Its static
 * initialiser scans the class path for readers and writers (ClassGraph over the whole shaded jar): about a second of
 * CPU that a one-prompt compare or a CI eval would otherwise spend after its last answer, on the critical path.
 *
 * <p>Only this thread touches a tablesaw class until {@link #awaitReady()} returns: two threads initialising
 * tablesaw's interlinked classes in different orders could deadlock, so the scorer waits here before its first
 * column.
 */
public final class TablesawWarmup {

    private static volatile CompletableFuture<Void> warming;

    private TablesawWarmup() {
    }

    /** Starts the initialisation in the background; a second call does nothing. */
    public static synchronized void start() {
        if (warming == null) {
            warming = CompletableFuture.runAsync(TablesawWarmup::initialise, command -> {
                Thread thread = new Thread(command, "yardstick-tablesaw-warmup");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /** Returns once tablesaw is initialised (at once when nobody started it: the caller initialises it itself). */
    static void awaitReady() {
        CompletableFuture<Void> pending = warming;
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The caller's own first use of tablesaw fails the same way, with the cause on its own thread.
        }
    }

    private static void initialise() {
        try {
            Class.forName("tech.tablesaw.api.Table", true, TablesawWarmup.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
