package dev.yardstick.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.engine.ErrorClass;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.SampleError;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeSeriesRecorderTest {

    private static final long MS = 1_000_000;
    private static final TokenCounts TEN_OUT = new TokenCounts(20, 10, null, 0, 0, TokenSource.COUNTED);

    private static Sample ok(long ttftMs, long e2eMs) {
        return new Sample(0, "m", "p", 0, false, 0, 0, ttftMs * MS, e2eMs * MS, new long[0], TEN_OUT, "x", "stop",
                null, 1, null);
    }

    private static Sample failed() {
        return new Sample(0, "m", "p", 0, false, 0, 0, -1, 5 * MS, new long[0], TEN_OUT, "", null, null, 1,
                new SampleError(ErrorClass.HTTP_5XX, 500, "boom", null));
    }

    @Test
    void eachSecondHoldsTheRequestsThatEndedInItWithTheirOwnPercentiles() {
        AtomicLong clock = new AtomicLong(0);
        AtomicInteger inFlight = new AtomicInteger(3);
        TimeSeriesRecorder recorder = new TimeSeriesRecorder("rate=10/s", inFlight::get, clock::get);
        for (int i = 1; i <= 100; i++) {
            recorder.onSample(ok(i, 2 * i)); // TTFT 1..100 ms
        }
        recorder.onSample(failed());
        clock.set(1_000 * MS);
        recorder.tick();
        inFlight.set(0);
        recorder.onSample(ok(500, 900));
        recorder.onSample(ok(500, 900));
        recorder.onSample(new Sample(0, "m", "p", 0, true, 0, 0, MS, MS, new long[0], TEN_OUT, "w", "stop", null,
                1, null)); // a warm-up: in no second
        clock.set(1_500 * MS);
        recorder.close();

        List<TimeSeries.Second> seconds = recorder.series().seconds();
        assertEquals(2, seconds.size());
        TimeSeries.Second first = seconds.get(0);
        assertEquals(0, first.second());
        assertEquals(101, first.ended());
        assertEquals(1, first.errors());
        assertEquals(100, first.throughput(), 1e-9, "100 successes in 1 s");
        assertEquals(1000, first.outputTokensPerSecond(), 1e-9);
        assertEquals(50, first.ttftP50(), 0.1);
        assertEquals(90, first.ttftP90(), 0.1);
        assertEquals(99, first.ttftP99(), 0.1);
        assertEquals(198, first.e2eP99(), 0.2);
        assertEquals(3, first.inFlight());
        TimeSeries.Second second = seconds.get(1);
        assertEquals(1, second.second());
        assertEquals(0.5, second.length(), 1e-9, "the last second is as long as it ran");
        assertEquals(2, second.ended());
        assertEquals(4, second.throughput(), 1e-9, "2 successes in 0.5 s");
        assertEquals(500, second.ttftP50(), 0.5);
        assertEquals(0, second.inFlight());
        assertEquals(103, recorder.series().ended());
    }

    @Test
    void aSecondWithoutASuccessHasNoPercentiles() {
        AtomicLong clock = new AtomicLong(0);
        TimeSeriesRecorder recorder = new TimeSeriesRecorder("s", () -> 0, clock::get);
        recorder.onSample(failed());
        clock.set(1_000 * MS);
        recorder.close();
        TimeSeries.Second only = recorder.series().seconds().getFirst();
        assertEquals(1, only.errors());
        assertEquals(0, only.throughput());
        assertNull(only.ttftP50());
        assertNull(only.e2eP99());
    }

    @Test
    void theTickerClosesSecondsOnItsOwn() throws InterruptedException {
        try (TimeSeriesRecorder recorder = new TimeSeriesRecorder("s", () -> 1, System::nanoTime).start()) {
            recorder.onSample(ok(5, 10));
            long deadline = System.nanoTime() + 10_000 * MS;
            while (recorder.series().seconds().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<TimeSeries.Second> seconds = recorder.series().seconds();
            assertTrue(!seconds.isEmpty(), "a second closed within 10 s");
            assertEquals(1, seconds.getFirst().ended());
            assertTrue(seconds.getFirst().length() >= 0.99, "a tick comes no sooner than a second");
        }
    }
}
