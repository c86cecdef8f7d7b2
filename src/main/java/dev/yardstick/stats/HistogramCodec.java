package dev.yardstick.stats;

import dev.yardstick.config.InputException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * HdrHistogram's compressed binary form in base64: the form reports keep so histograms from several runs or
 * machines can be added exactly later. Any HdrHistogram tool (e.g. HistogramLogProcessor's decoder) reads it.
 */
public final class HistogramCodec {

    private HistogramCodec() {
    }

    public static String encode(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /**
     * Decodes a histogram written by {@link #encode}. It auto-resizes, so histograms of any range can be added to
     * it. Text that is not such a histogram (a damaged or hand-edited report) is an input error.
     */
    public static Histogram decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InputException("missing histogram (the report has no encoded histogram to merge)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.trim());
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            histogram.setAutoResize(true);
            return histogram;
        } catch (IllegalArgumentException | DataFormatException | java.nio.BufferUnderflowException e) {
            throw new InputException("malformed histogram (expected HdrHistogram compressed base64): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
