package dev.yardstick.benchmark.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.CapacityResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search's logic on simulated probes: bracketing, bisection, the significance rule. */
class CapacitySearchTest {

    /** A system whose every request meets the SLO below {@code knee} and none above it. */
    private static CapacitySearch.Prober cliff(double knee, List<Long> sizes) {
        return (number, rate, requests) -> {
            sizes.add(requests);
            return new CapacitySearch.Counts(requests, rate <= knee ? requests : 0);
        };
    }

    @Test
    void bracketsByDoublingThenBisectsToWithinFivePercent() {
        List<Long> sizes = new ArrayList<>();
        CapacityResult r = new CapacitySearch("ttft=500ms", 0.99, 0.95, null, 1e6).run(10, cliff(137, sizes),
                () -> false);
        assertTrue(r.maxRate() <= 137 && r.maxRate() >= 137 / 1.05, "found " + r.maxRate());
        assertTrue(r.rateHigh() > 137 && (r.rateHigh() - r.rateLow()) / r.rateLow() <= 0.05, r.toString());
        assertEquals(List.of(10.0, 20.0, 40.0, 80.0, 160.0), r.probes().subList(0, 5).stream()
                .map(CapacityResult.Probe::rate).toList(), "doubling until the first failure");
        // n of n must reach 99% at 95%: n ≥ 1.96² × 0.99 / 0.01 = 380.3.
        assertEquals(381, sizes.getFirst());
        assertTrue(r.probes().stream().allMatch(p -> p.verdict().equals("pass") || p.verdict().equals("fail")));
    }

    @Test
    void halvesWhenTheFirstProbeFailsAndSaysSoWhenNothingPasses() {
        CapacityResult r = new CapacitySearch("e2e=1s", 0.95, 0.95, null, 1e6).run(100, cliff(30, new ArrayList<>()),
                () -> false);
        assertEquals(List.of(100.0, 50.0, 25.0), r.probes().subList(0, 3).stream()
                .map(CapacityResult.Probe::rate).toList());
        assertTrue(r.maxRate() >= 30 / 1.05 && r.maxRate() <= 30, r.toString());
        CapacityResult none = new CapacitySearch("e2e=1s", 0.95, 0.95, null, 1e6).run(1,
                cliff(0, new ArrayList<>()), () -> false);
        assertNull(none.maxRate());
        assertTrue(none.conclusion().startsWith("no probed rate held 95%"), none.conclusion());
    }

    @Test
    void aStraddlingProbeRunsAgainWithTwiceTheRequestsThenFallsBackToItsPointEstimate() {
        List<Long> sizes = new ArrayList<>();
        // 99.2% attainment against a 99% target: every interval of a few thousand requests straddles it.
        CapacitySearch.Prober nearTarget = (number, rate, requests) -> {
            sizes.add(requests);
            return new CapacitySearch.Counts(requests, Math.round(requests * 0.992));
        };
        CapacityResult r = new CapacitySearch("ttft=1s", 0.99, 0.95, null, 1e6).run(5, nearTarget, () -> true);
        assertEquals(List.of(), r.probes(), "a stopped run probes nothing more");
        CapacityResult one = new CapacitySearch("ttft=1s", 0.99, 0.95, null, 5).run(5, nearTarget, () -> false);
        assertEquals(List.of(381L, 762L, 1524L, 3048L), sizes);
        assertEquals(List.of("undecided", "undecided", "undecided", "pass (point estimate)"), one.probes().stream()
                .map(CapacityResult.Probe::verdict).toList());
        assertEquals(5.0, one.maxRate(), "the cap passed, nothing failed: at least 5");
        assertTrue(one.conclusion().contains("no probed rate failed"), one.conclusion());
    }

    @Test
    void theWilsonIntervalIsTheLibrarysAndTheFloorIsExact() {
        AttainmentInterval all = AttainmentInterval.wilson(381, 381, 0.95);
        assertTrue(all.low() >= 0.99 && all.high() == 1.0, all.toString());
        AttainmentInterval fewer = AttainmentInterval.wilson(380, 380, 0.95);
        assertTrue(fewer.low() < 0.99, "380 of 380 cannot show 99%: " + fewer);
        AttainmentInterval half = AttainmentInterval.wilson(50, 100, 0.95);
        assertEquals(0.4038, half.low(), 1e-3);
        assertEquals(0.5962, half.high(), 1e-3);
    }
}
