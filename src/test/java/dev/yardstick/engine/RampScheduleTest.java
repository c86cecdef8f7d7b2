package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RampScheduleTest {

    /** Arrivals per second of a schedule over {@code seconds}. */
    private static int[] perSecond(LoadShape.Open open, int seconds) {
        Schedule schedule = new Schedule(open);
        int[] counts = new int[seconds];
        for (long at = schedule.next(); at < seconds * 1_000_000_000L; at = schedule.next()) {
            counts[(int) (at / 1_000_000_000L)]++;
        }
        return counts;
    }

    @Test
    void constantArrivalsFollowTheRampThenHoldItsEndRate() {
        // 0 → 100/s over 10 s: second k holds the integral of the rate over it, 10k + 5 requests, then 100 a second.
        int[] counts = perSecond(new LoadShape.Open(new Ramp(0, 100, Duration.ofSeconds(10)),
                LoadShape.Arrival.CONSTANT, 1, 8), 13);
        for (int k = 0; k < 10; k++) {
            assertTrue(Math.abs(counts[k] - (10 * k + 5)) <= 1, "second " + k + ": " + counts[k]);
        }
        for (int k = 10; k < 13; k++) {
            assertTrue(Math.abs(counts[k] - 100) <= 1, "second " + k + ": " + counts[k]);
        }
        int total = 0;
        for (int k = 0; k < 10; k++) {
            total += counts[k];
        }
        assertTrue(Math.abs(total - 500) <= 1, "the ramp's area, 500 requests: " + total);
    }

    @Test
    void poissonArrivalsOnARampAreAsManyAsItsAreaAndRiseWithIt() {
        int[] counts = perSecond(new LoadShape.Open(new Ramp(0, 200, Duration.ofSeconds(20)),
                LoadShape.Arrival.POISSON, 7, 8), 20);
        int firstQuarter = 0;
        int lastQuarter = 0;
        int total = 0;
        for (int k = 0; k < 20; k++) {
            total += counts[k];
            firstQuarter += k < 5 ? counts[k] : 0;
            lastQuarter += k >= 15 ? counts[k] : 0;
        }
        // Expected 2000 (sd ≈ 45) in all; 125 in the first 5 s, 875 in the last 5 s: 5 sd either way.
        assertTrue(Math.abs(total - 2000) < 225, "total " + total);
        assertTrue(Math.abs(firstQuarter - 125) < 56, "first 5 s " + firstQuarter);
        assertTrue(Math.abs(lastQuarter - 875) < 148, "last 5 s " + lastQuarter);
    }

    @Test
    void aRampDownAndAFlatRampMatchTheirIntegrals() {
        int[] down = perSecond(new LoadShape.Open(new Ramp(100, 20, Duration.ofSeconds(4)),
                LoadShape.Arrival.CONSTANT, 1, 8), 4);
        assertTrue(Math.abs(down[0] - 90) <= 1 && Math.abs(down[3] - 30) <= 1, down[0] + " .. " + down[3]);
        int[] flat = perSecond(new LoadShape.Open(new Ramp(40, 40, Duration.ofSeconds(2)),
                LoadShape.Arrival.CONSTANT, 1, 8), 3);
        assertEquals(40, flat[0]);
        assertEquals(40, flat[2]);
    }

    @Test
    void parsesBothArrowsAndSaysWhatIsWrong() {
        assertEquals(new Ramp(0, 50, Duration.ofMinutes(2)), Ramp.parse("0→50/s over 2m"));
        assertEquals(new Ramp(5, 50.5, Duration.ofSeconds(30)), Ramp.parse("5->50.5 over 30s"));
        assertEquals("0→50/s over 120s", Ramp.parse("0->50/s over 2m").text());
        assertThrows(InputException.class, () -> Ramp.parse("50/s over 2m"));
        assertThrows(InputException.class, () -> Ramp.parse("0->0/s over 2m"));
        assertThrows(InputException.class, () -> Ramp.parse("0->5/s over 0s"));
        assertEquals(25, Ramp.parse("0->50 over 10s").rateAt(5), 1e-9);
    }
}
