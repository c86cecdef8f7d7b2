package dev.yardstick.switching.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import java.util.List;

class RangesTest {

    @Test
    void turnNumbersReadAsRanges() {
        assertEquals("turns 1–3, 5", Ranges.of(List.of(1, 2, 3, 5)));
        assertEquals("turns 2, 4", Ranges.of(List.of(2, 4)));
        assertEquals("turn 7", Ranges.of(List.of(7)));
        assertEquals("no turns", Ranges.of(List.of()));
    }
}
