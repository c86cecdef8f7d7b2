package dev.yardstick.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.SwitchReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resilience timeline: every event timed from the conversation's start. */
class EventLogTest {

    @Test
    void theTimelineTimesEveryEventFromTheConversationsStart() {
        long start = System.nanoTime();
        EventLog log = new EventLog(start);
        assertEquals(2.5, log.sinceStartMs(start + 2_500_000));
        assertEquals(-1.0, log.sinceStartMs(start - 1_000_000));
        log.add(2, "mock/a", "retry", "after HTTP 500");
        long after = System.nanoTime();
        List<SwitchReport.Event> events = log.events();
        SwitchReport.Event e = events.get(0);
        assertEquals(List.of(2, "mock/a", "retry", "after HTTP 500"), List.of(e.turn(), e.model(), e.kind(),
                e.detail()));
        assertTrue(e.atMs() >= 0 && e.atMs() <= (after - start) / 1e6, "at " + e.atMs());
        assertNotNull(e.at());
        log.add(3, "mock/a", "recovered", "");
        assertEquals(1, events.size(), "a copy: later events do not change it");
        assertEquals(2, log.events().size());
    }
}
