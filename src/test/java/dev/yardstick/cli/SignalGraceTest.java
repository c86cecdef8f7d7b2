package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One cancellation delivered twice (to the process and its group) is one; a deliberate later one quits. */
class SignalGraceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSecondSignalWithinTheGracePeriodRepeatsTheFirstAndALaterOneQuits() {
        SignalGrace grace = new SignalGrace(2 * SECOND);
        long t0 = -5 * SECOND; // nanoTime may be negative
        assertEquals(List.of(SignalGrace.Verdict.FIRST, SignalGrace.Verdict.WITHIN_GRACE,
                        SignalGrace.Verdict.WITHIN_GRACE, SignalGrace.Verdict.QUIT, SignalGrace.Verdict.QUIT),
                List.of(grace.on(t0), grace.on(t0 + 1), grace.on(t0 + 2 * SECOND - 1), grace.on(t0 + 2 * SECOND),
                        grace.on(t0 + 60 * SECOND)));
    }

    @Test
    void theGracePeriodIsTheDocumentedTwoSeconds() {
        assertEquals(2, Interrupts.GRACE.toSeconds());
    }
}
