package dev.yardstick.watch;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The saturation judgement as pure logic, on figures recorded from quiet and saturated runs. */
class SaturationTest {

    private static final Lag QUIET_LAG = new Lag(2_000, 0.06, 0.4, 2.1, 0.3);

    @Test
    void aQuietClientIsNotSaturated() {
        assertNull(Saturation.judge(35, 2, QUIET_LAG));
        assertNull(Saturation.judge(170, 2, QUIET_LAG), "85% of two cores leaves room to read responses");
        assertNull(Saturation.judge(Double.NaN, 2, Lag.NONE), "nothing measured judges nothing");
    }

    @Test
    void aClientBusyOnEveryCoreIsSaturated() {
        String warning = Saturation.judge(185, 2, QUIET_LAG);
        assertTrue(warning.contains("its CPU was 185% of a core with 2 cores available"), warning);
        assertTrue(warning.contains("the latencies include the client's own queueing"), warning);
        assertTrue(Saturation.judge(95, 1, QUIET_LAG).contains("1 core available"));
    }

    @Test
    void aClientWhoseThreadsWakeLateIsSaturatedEvenWithCpuToSpare() {
        String warning = Saturation.judge(60, 4, new Lag(3_000, 0.9, 12.5, 48, 14));
        assertTrue(warning.contains("its threads were behind schedule 14% of the time, waking up to 48.0 ms late"
                + " (p99 12.5 ms)"), warning);
        assertTrue(warning.contains("latencies include the client's own queueing"));
    }

    @Test
    void oneHiccupOfABusyMachineInAShortStepIsNotSaturation() {
        // Recorded: a 0.7 s step whose probe woke once 22.8 ms late (p99 = max with few wake-ups), 3% behind.
        assertNull(Saturation.judge(30, 2, new Lag(90, 0.13, 22.8, 22.8, 3.3)));
        // Recorded: a three-prompt compare (about 0.17 s watched) whose start-up pause left it 19% behind: 32 ms.
        assertNull(Saturation.judge(40, 2, new Lag(17, 0.4, 18.2, 18.2, 19)));
        assertTrue(Saturation.judge(40, 2, new Lag(60, 0.4, 18.2, 18.2, 19)) != null,
                "114 ms behind in 0.6 s is the client's load");
    }
}
