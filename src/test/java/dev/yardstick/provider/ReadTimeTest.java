package dev.yardstick.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A read's time is handed out only to what this thread decodes of this request, never stale, never borrowed. */
class ReadTimeTest {

    @AfterEach
    void clearThisThread() {
        ReadTime.clear();
    }

    @Test
    void aStampIsTheTimeOfTheLatestReadOnThisThread() throws InterruptedException {
        long sent = System.nanoTime();
        ReadTime.stamp();
        long afterFirst = System.nanoTime();
        Thread.sleep(5);
        long stamped = ReadTime.now(sent);
        assertTrue(stamped - sent >= 0 && afterFirst - stamped >= 0, "the read's time, not the asking's");
        assertEquals(stamped, ReadTime.now(sent), "every chunk of that read takes the same time");
        long beforeSecond = System.nanoTime();
        ReadTime.stamp();
        assertTrue(ReadTime.now(sent) - beforeSecond >= 0, "a later read replaces it");
    }

    @Test
    void withoutAStampOrAfterTheExchangeClosedItIsNow() {
        long sent = System.nanoTime();
        ReadTime.stamp();
        long stamped = ReadTime.now(sent);
        ReadTime.clear();
        long before = System.nanoTime();
        long now = ReadTime.now(sent);
        assertTrue(now - before >= 0, "after the close: the clock, not the last read " + (before - stamped) + " ns old");
    }

    @Test
    void aStampFromBeforeTheRequestWasSentIsAnotherRequestsAndIsNotUsed() {
        ReadTime.stamp(); // an earlier request's last read, left on this thread
        long sent = System.nanoTime();
        assertTrue(ReadTime.now(sent) - sent >= 0);
    }

    @Test
    void anotherThreadsStampIsNotSeenHere() throws InterruptedException {
        long sent = System.nanoTime();
        AtomicLong theirs = new AtomicLong();
        Thread reader = Thread.ofVirtual().start(() -> {
            ReadTime.stamp();
            theirs.set(ReadTime.now(sent));
        });
        reader.join();
        long before = System.nanoTime();
        assertTrue(ReadTime.now(sent) - before >= 0, "a thread no transport stamped reads the clock");
        assertTrue(theirs.get() - sent >= 0, "that thread had its own stamp");
    }
}
