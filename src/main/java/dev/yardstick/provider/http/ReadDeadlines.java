package dev.yardstick.provider.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds blocking socket reads by a deadline that one watcher thread enforces, instead of each read's own socket
 * timeout. On a virtual thread a read with a socket timeout is a timed park: every wait for bytes schedules a wake-up
 * with the JDK's delay scheduler and cancels it when the bytes come, which wakes the scheduler's thread once or twice
 * a chunk. An untimed read skips that; the watcher closes a socket whose read has waited past its deadline, and the
 * reader turns the close into the read timeout it stands for ({@link Read#expired()}).
 *
 * <p>The watcher wakes every tenth of the shortest timeout it watches (at least 1 ms apart, at most 50 ms), so a
 * read times out at its limit plus at most that tick, never before it. It parks while no reader is registered.
 */
final class ReadDeadlines {

    static final ReadDeadlines SHARED = new ReadDeadlines();

    /** How often a watcher looks at its deadlines: the socket watcher here and the event loop's tick alike. */
    static final long MIN_TICK = TimeUnit.MILLISECONDS.toNanos(1);
    static final long MAX_TICK = TimeUnit.MILLISECONDS.toNanos(50);

    /** A deadline no read has: the watcher found the read still waiting past its own. */
    private static final long EXPIRED = Long.MIN_VALUE;
    /** No read waiting. */
    private static final long IDLE = 0;

    /**
     * One socket's reads: the deadline of the read waiting now, {@code IDLE} between reads. The watcher expires a
     * read only by swapping the very deadline it saw, so a read that returned in time is never charged a timeout.
     */
    abstract static class Read {

        private final long limitNanos;
        private final AtomicLong deadline = new AtomicLong(IDLE);

        Read(long limitNanos) {
            this.limitNanos = limitNanos;
        }

        /** Called before a blocking read. */
        final void waiting() {
            long due = System.nanoTime() + limitNanos;
            deadline.set(due == IDLE || due == EXPIRED ? due + 1 : due);
        }

        /** Called after it, returned or failed: true when it had waited past its limit (the socket is closed). */
        final boolean expired() {
            return deadline.getAndSet(IDLE) == EXPIRED;
        }

        /** Ends the blocked read: closing the socket wakes it with an exception. */
        protected abstract void abort();

        private void expireIfDue(long now) {
            long due = deadline.get();
            if (due != IDLE && due != EXPIRED && now - due >= 0 && deadline.compareAndSet(due, EXPIRED)) {
                abort();
            }
        }
    }

    private final Set<Read> reads = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;
    /** The watcher parks with no deadline: set before it checks for reads one last time. */
    private volatile boolean resting;

    /** Watches a socket's reads until {@link #forget}: once per exchange, so it costs no wake-up while one runs. */
    void watch(Read read) {
        reads.add(read);
        Thread thread = watcher;
        if (thread == null) {
            thread = start();
        }
        if (resting) {
            LockSupport.unpark(thread);
        }
    }

    private synchronized Thread start() {
        if (watcher == null) {
            watcher = Thread.ofPlatform().daemon().name("yardstick-read-deadlines").start(this::loop);
        }
        return watcher;
    }

    /** The tick a limit wants: a tenth of it, within 1–50 ms (0: no limit, no tick). */
    static long tickFor(long limitNanos) {
        return limitNanos <= 0 ? 0 : Math.max(MIN_TICK, Math.min(MAX_TICK, limitNanos / 10));
    }

    void forget(Read read) {
        reads.remove(read);
    }

    /** How many sockets' reads are watched now. */
    int watched() {
        return reads.size();
    }

    private void loop() {
        while (true) {
            long now = System.nanoTime();
            long tick = MAX_TICK;
            boolean any = false;
            for (Read read : reads) {
                any = true;
                read.expireIfDue(now);
                tick = Math.min(tick, tickFor(read.limitNanos));
            }
            if (any) {
                LockSupport.parkNanos(this, tick);
            } else {
                resting = true;
                if (reads.isEmpty()) {
                    LockSupport.park(this); // watch() unparks
                }
                resting = false;
            }
        }
    }
}
