package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The per-try timeout's watcher: an alarm rings at its deadline, never before, and never once disarmed. */
class TryTimeoutsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * Waits for the recorder to end, at most {@code limitMs}; the time it was ended, or -1. The alarm ends the stream
     * before it interrupts the thread, so an interrupted wait has its answer; the interrupt is kept for the caller.
     */
    private static long endedAt(StreamRecorder recorder, long limitMs) {
        try {
            recorder.await(limitMs * MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return recorder.finished() ? recorder.endAt() : -1;
    }

    @Test
    void anAlarmRingsAtItsDeadlineNeverBeforeAndInterruptsItsThread() throws InterruptedException {
        try (TryTimeouts timeouts = new TryTimeouts(); TryTimeouts.Alarm alarm = timeouts.alarm()) {
            for (int i = 0; i < 20; i++) {
                StreamRecorder recorder = new StreamRecorder();
                long start = System.nanoTime();
                alarm.arm(start + 30 * MS, 30, recorder, Thread.currentThread());
                long ended = endedAt(recorder, 5_000);
                assertTrue(ended >= 0, "the alarm rang");
                assertTrue(ended - start >= 30 * MS, "not before the deadline: " + (ended - start) / MS + " ms");
                TimeoutException reason = assertInstanceOf(TimeoutException.class, recorder.failure());
                assertEquals("no complete answer within 30 ms", reason.getMessage());
                alarm.disarm(); // waits for the interrupt, which is then this thread's to clear
                assertTrue(Thread.interrupted(), "the alarm interrupted the try's thread");
                assertTrue(System.nanoTime() - start < 5_000 * MS, "rang within seconds of its deadline");
            }
        }
    }

    @Test
    void aDisarmedAlarmNeverRings() throws InterruptedException {
        try (TryTimeouts timeouts = new TryTimeouts(); TryTimeouts.Alarm alarm = timeouts.alarm()) {
            for (int i = 0; i < 200; i++) {
                StreamRecorder recorder = new StreamRecorder();
                alarm.arm(System.nanoTime() + 1_000 * MS, 1_000, recorder, Thread.currentThread());
                alarm.disarm();
                assertFalse(recorder.finished(), "disarmed in time");
            }
            Thread.sleep(1_100); // past every deadline armed above
            assertFalse(Thread.interrupted(), "no disarmed alarm interrupted the thread");
        }
    }

    /**
     * The watcher sleeps until the earliest deadline it knows: a try armed later with an earlier deadline (a shorter
     * timeout on another thread) must wake it, or it would ring only when the long one is due.
     */
    @Test
    void anEarlierDeadlineArmedAfterALaterOneStillRingsOnTime() throws InterruptedException {
        try (TryTimeouts timeouts = new TryTimeouts(); TryTimeouts.Alarm slow = timeouts.alarm();
             TryTimeouts.Alarm quick = timeouts.alarm()) {
            StreamRecorder long30s = new StreamRecorder();
            slow.arm(System.nanoTime() + 30_000 * MS, 30_000, long30s, Thread.currentThread());
            Thread.sleep(20); // the watcher now sleeps until 30 s from now
            StreamRecorder short50ms = new StreamRecorder();
            long start = System.nanoTime();
            quick.arm(start + 50 * MS, 50, short50ms, Thread.currentThread());
            long ended = endedAt(short50ms, 10_000);
            assertTrue(ended >= 0 && ended - start >= 50 * MS, "not before its deadline");
            assertTrue(ended - start < 5_000 * MS, "rang long before the 30 s one: "
                    + (ended - start) / MS + " ms");
            quick.disarm();
            Thread.interrupted();
            slow.disarm();
            assertFalse(long30s.finished());
            assertNull(long30s.failure());
        }
    }
}
