package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.ErrorClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.yardstick.stats.SampleBuilder.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SloSetTest {

    @Test
    void parsesEveryMetricAndPrintsACanonicalParseableForm() {
        SloSet set = SloSet.parse(" ttft=500ms, e2e=5s ,itl=50ms,TPOT=20ms ");
        assertEquals(4, set.slos().size());
        assertEquals(new Slo(Metric.TTFT, Duration.ofMillis(500)), set.slos().get(0));
        assertEquals(new Slo(Metric.TPOT, Duration.ofMillis(20)), set.slos().get(3));
        assertEquals("ttft=500ms,e2e=5s,itl=50ms,tpot=20ms", set.text());
        assertEquals(set, SloSet.parse(set.text()));
        assertEquals("e2e=1500ms", SloSet.parse("e2e=1.5s").text());
    }

    @Test
    void noTextMeansNoSlos() {
        assertTrue(SloSet.parse(null).none());
        assertTrue(SloSet.parse("  ").none());
        assertEquals("none", SloSet.parse("none").text());
        assertTrue(SloSet.NONE.meets(sample().build()));
    }

    @Test
    void badTextIsOneLineInputError() {
        assertMessage("ttft500ms", "malformed SLO 'ttft500ms'");
        assertMessage("ttft=500ms,queue=1s", "unknown SLO metric 'queue'");
        assertMessage("ttft=fast", "SLO ttft in 'ttft=fast': malformed duration 'fast'");
        assertMessage("ttft=1s,ttft=2s", "SLO 'ttft' is given twice");
        assertMessage("ttft=1s,", "malformed SLO ''");
    }

    private static void assertMessage(String text, String expectedStart) {
        InputException e = assertThrows(InputException.class, () -> SloSet.parse(text));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anErroredRequestNeverMeetsAnSlo() {
        SloSet generous = SloSet.parse("e2e=1h");
        assertTrue(generous.meets(sample().e2e(10).build()));
        assertFalse(generous.meets(sample().e2e(10).failed(ErrorClass.CANCELLED).build()));
        assertFalse(SloSet.NONE.meets(sample().failed(ErrorClass.HTTP_4XX).build()));
    }

    @Test
    void boundsAreInclusiveAndEachMetricReadsItsOwnFigure() {
        Slo ttft = new Slo(Metric.TTFT, Duration.ofMillis(500));
        assertTrue(ttft.meets(sample().ttft(500).e2e(9000).build()));
        assertFalse(ttft.meets(sample().ttft(501).e2e(600).build()));

        Slo itl = new Slo(Metric.ITL, Duration.ofMillis(50));
        assertTrue(itl.meets(sample().gaps(50, 1, 50).build()));
        assertFalse(itl.meets(sample().gaps(1, 51, 1).build()), "every gap must be within the limit");
        assertTrue(itl.meets(sample().gaps().build()));

        Slo tpot = new Slo(Metric.TPOT, Duration.ofMillis(20));
        assertTrue(tpot.meets(sample().ttft(100).e2e(300).reported(1, 11).build()));   // 20 ms/token
        assertFalse(tpot.meets(sample().ttft(100).e2e(310).reported(1, 11).build()));  // 21 ms/token
        assertTrue(tpot.meets(sample().ttft(100).e2e(9000).reported(1, 1).build()), "undefined TPOT meets it");
    }
}
