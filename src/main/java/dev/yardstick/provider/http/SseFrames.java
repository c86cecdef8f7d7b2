package dev.yardstick.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Server-sent events framed straight from the bytes, as langchain4j's parser frames them (its lines are
 * {@code event:} and {@code data:}, each value trimmed, several data lines joined with a newline, an event dispatched
 * at a blank line or at the end of the body when it has data; comments and other fields are skipped), without
 * decoding the body to characters or making a string per line: a decoder gets each event's data as bytes.
 * One instance per stream; not thread-safe.
 */
public final class SseFrames {

    /** Receives each event. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param event the event's name, null when it had none
         * @return null to go on, else why the stream is wrong: reading stops and the reason is returned
         */
        String onEvent(String event, byte[] data, int offset, int length) throws IOException;
    }

    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[8192];
    private byte[] data = new byte[1024];
    private int dataLength;
    private String event;

    /**
     * Reads {@code in} to its end, or until the sink objects.
     *
     * @return null at the end of the body, else the sink's objection
     */
    public String read(InputStream in, Sink sink) throws IOException {
        int filled = 0;
        int start = 0;
        while (true) {
            if (filled == buffer.length) {
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                    start = 0;
                } else {
                    // A line longer than the buffer (the body's own limits bound how long it may grow).
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                String wrong = filled > start ? line(buffer, start, filled, sink) : null;
                return wrong != null ? wrong : dispatch(sink);
            }
            int scan = filled;
            filled += n;
            for (int i = scan; i < filled; i++) {
                if (buffer[i] == '\n') {
                    String wrong = line(buffer, start, i, sink);
                    if (wrong != null) {
                        return wrong;
                    }
                    start = i + 1;
                }
            }
            if (start == filled) {
                start = 0;
                filled = 0;
            }
        }
    }

    private String line(byte[] bytes, int from, int to, Sink sink) throws IOException {
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        if (from == to) {
            return dispatch(sink);
        }
        if (startsWith(bytes, from, to, DATA)) {
            appendData(bytes, from + DATA.length, to);
        } else if (startsWith(bytes, from, to, EVENT)) {
            int first = skipSpace(bytes, from + EVENT.length, to);
            event = new String(bytes, first, lastNonSpace(bytes, first, to) - first, StandardCharsets.UTF_8);
        }
        return null;
    }

    private void appendData(byte[] bytes, int from, int to) {
        int first = skipSpace(bytes, from, to);
        int length = lastNonSpace(bytes, first, to) - first;
        if (dataLength > 0) {
            ensure(1);
            data[dataLength++] = '\n';
        }
        ensure(length);
        System.arraycopy(bytes, first, data, dataLength, length);
        dataLength += length;
    }

    private String dispatch(Sink sink) throws IOException {
        String name = event;
        int length = dataLength;
        event = null;
        dataLength = 0;
        return length > 0 ? sink.onEvent(name, data, 0, length) : null;
    }

    private void ensure(int more) {
        if (dataLength + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + more));
        }
    }

    private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Trimming as String.trim() does: every byte up to the space counts as whitespace. */
    private static int skipSpace(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] & 0xff) <= ' ') {
            from++;
        }
        return from;
    }

    private static int lastNonSpace(byte[] bytes, int from, int to) {
        while (to > from && (bytes[to - 1] & 0xff) <= ' ') {
            to--;
        }
        return to;
    }
}
