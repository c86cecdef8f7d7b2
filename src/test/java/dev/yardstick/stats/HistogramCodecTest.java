package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistogramCodecTest {

    @Test
    void roundTripKeepsEveryCount() {
        ConcurrentHistogram h = new ConcurrentHistogram(3);
        for (long v = 0; v < 100_000; v += 7) {
            h.recordValue(v);
        }
        h.recordValue(3_600_000_000L); // an hour in µs
        Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));
        assertEquals(h.getTotalCount(), back.getTotalCount());
        assertEquals(h.getValueAtPercentile(99), back.getValueAtPercentile(99));
        assertEquals(h.getMaxValue(), back.getMaxValue());
        assertEquals(h, back);
    }

    @Test
    void anEmptyHistogramRoundTrips() {
        assertEquals(0, HistogramCodec.decode(HistogramCodec.encode(new Histogram(3))).getTotalCount());
    }

    @Test
    void decodedHistogramsAcceptValuesOfAnyRange() {
        Histogram small = HistogramCodec.decode(HistogramCodec.encode(new Histogram(3)));
        small.recordValue(86_400_000_000L);
        assertEquals(1, small.getTotalCount());
    }

    @Test
    void textThatIsNoHistogramIsAnInputError() {
        InputException notBase64 = assertThrows(InputException.class, () -> HistogramCodec.decode("%%%"));
        assertTrue(notBase64.getMessage().startsWith("malformed histogram"), notBase64.getMessage());
        String garbage = Base64.getEncoder().encodeToString("not a histogram at all".getBytes());
        assertThrows(InputException.class, () -> HistogramCodec.decode(garbage));
        assertThrows(InputException.class, () -> HistogramCodec.decode(""));
    }
}
