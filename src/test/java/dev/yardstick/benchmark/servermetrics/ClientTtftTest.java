package dev.yardstick.benchmark.servermetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yardstick.engine.Sample;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import dev.yardstick.stats.Metric;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client TTFT set beside the server's converts as the headline TTFT does. */
class ClientTtftTest {

    private static Sample ok(long ttftNanos) {
        return new Sample(0, "m", "p", 0, false, 0, 0, ttftNanos, ttftNanos + 1_000, new long[0],
                new TokenCounts(20, 10, null, 0, 0, TokenSource.COUNTED), "x", "stop", null, 1, null);
    }

    @Test
    void roundsToWholeMicrosecondsAsTheHeadlineTtftDoes() {
        ClientTtft ttft = new ClientTtft();
        ttft.onSample(ok(2_600));
        assertEquals(1, ttft.count());
        assertEquals(Metric.recordedMicros(2_600) / 1000.0, ttft.ms(50));
        assertEquals(0.003, ttft.ms(50));
    }

    @Test
    void aTtftOverAnHourIsNotClampedToAnHour() {
        ClientTtft ttft = new ClientTtft();
        ttft.onSample(ok(TimeUnit.HOURS.toNanos(2)));
        assertEquals(7_200_000, ttft.ms(50), 7_200);
    }
}
