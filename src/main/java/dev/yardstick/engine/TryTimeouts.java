package dev.yardstick.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The per-try timeout of every request, enforced by one watcher thread. A thread that runs requests keeps one
 * {@link Alarm} from one try to the next and arms it with each try's deadline: a few field writes, where a scheduled
 * executor took a lock, a heap insertion and a heap removal per try. The watcher sleeps until the earliest armed
 * deadline; a try armed with an earlier one wakes it. Tries of one run share a timeout and start one after another,
 * so each new deadline lies after the ones armed before it and arming wakes nobody. At its deadline the alarm ends
 * the try's stream and then interrupts its thread, which unblocks synchronous clients (the lean HTTP client,
 * llama.cpp) as well as asynchronous ones: a try ends at its limit plus the watcher's wake-up, never before.
 */
final class TryTimeouts implements AutoCloseable {

    /** Not armed: no try running. */
    private static final long IDLE = Long.MIN_VALUE;
    /** The watcher is ending the try (its deadline passed). */
    private static final long RINGING = Long.MIN_VALUE + 1;
    /** The watcher has ended the try: its stream aborted and its thread interrupted. */
    private static final long RUNG = Long.MIN_VALUE + 2;
    /** The watcher sleeps with no deadline to wait for. */
    private static final long NEVER = Long.MAX_VALUE;

    private final Set<Alarm> alarms = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;
    private volatile boolean closed;
    /**
     * When the watcher will look next: the deadline it sleeps until, or {@code NEVER}; {@code IDLE} while it scans,
     * so that a try armed during the scan wakes it for one more.
     */
    private volatile long wakeAt = IDLE;

    /** One thread's alarm, armed for each try it runs; {@link #close() closed} when the thread stops running tries. */
    final class Alarm implements AutoCloseable {

        /** The armed try's deadline (System.nanoTime()), or one of IDLE, RINGING, RUNG. */
        private final AtomicLong due = new AtomicLong(IDLE);
        private StreamRecorder recorder;
        private Thread worker;
        private long timeoutMillis;

        /** Arms the alarm for the try {@code recorder} records on {@code thread}, due at {@code deadline}. */
        void arm(long deadline, long timeoutMillis, StreamRecorder recorder, Thread thread) {
            this.recorder = recorder;
            this.worker = thread;
            this.timeoutMillis = timeoutMillis;
            long at = deadline == IDLE || deadline == RINGING || deadline == RUNG ? RUNG + 1 : deadline;
            due.set(at); // publishes the fields above to the watcher
            long wake = wakeAt;
            if (wake == IDLE || wake == NEVER || at - wake < 0) { // scanning, asleep for good, or waking too late

                LockSupport.unpark(watcher());
            }
        }

        /**
         * Disarms it as the try ends. When the watcher is ringing it, waits the few microseconds until it is done:
         * it ends the stream first and interrupts the thread after, and that interrupt must not land after the
         * caller clears it, in the thread's next wait (a retry's backoff).
         */
        void disarm() {
            long at = due.get();
            if (at == IDLE || at != RINGING && at != RUNG && due.compareAndSet(at, IDLE)) {
                release();
                return;
            }
            while (due.get() != RUNG) {
                Thread.onSpinWait();
            }
            due.set(IDLE);
            release();
        }

        private void release() {
            recorder = null;
            worker = null;
        }

        /** Ends the try if its deadline has passed; returns its deadline if still armed, else {@code NEVER}. */
        private long check(long now) {
            long at = due.get();
            if (at == IDLE || at == RINGING || at == RUNG) {
                return NEVER;
            }
            if (now - at < 0) {
                return at;
            }
            if (due.compareAndSet(at, RINGING)) {
                recorder.abort(new TimeoutException("no complete answer within " + timeoutMillis + " ms"));
                worker.interrupt();
                due.set(RUNG);
            }
            return NEVER;
        }

        @Override
        public void close() {
            alarms.remove(this);
        }
    }

    /** A new alarm for a thread about to run tries. */
    Alarm alarm() {
        Alarm alarm = new Alarm();
        alarms.add(alarm);
        return alarm;
    }

    private Thread watcher() {
        Thread thread = watcher;
        return thread != null ? thread : start();
    }

    private synchronized Thread start() {
        if (watcher == null) {
            watcher = Thread.ofPlatform().daemon().name("yardstick-timeouts").start(this::watch);
        }
        return watcher;
    }

    private void watch() {
        while (!closed) {
            wakeAt = IDLE;
            long now = System.nanoTime();
            long next = NEVER;
            for (Alarm alarm : alarms) {
                long at = alarm.check(now);
                if (at != NEVER && (next == NEVER || at - next < 0)) {
                    next = at;
                }
            }
            wakeAt = next;
            if (next == NEVER) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, next - now);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = watcher;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
