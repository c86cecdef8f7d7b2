package dev.yardstick.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Server-sent events framed straight from the bytes, as langchain4j's parser frames them (its lines are
 * {@code event:} and {@code data:}, each value trimmed, several data lines joined with a newline, an event dispatched
 * at a blank line or at the end of the body when it has data; comments and other fields are skipped), without
 * decoding the body to characters or making a string per line: a decoder gets each event's data as bytes.
 * One instance per stream; not thread-safe.
 *
 * <p>Every byte of every answer passes through here, so the bytes are looked at once: line ends are found eight
 * bytes at a time, and {@link #withLimits()} checks the client's line and event limits in the same pass (the body
 * then need not count them again). An event whose one data line lies whole in the read buffer reaches the sink
 * without being copied.
 */
public final class SseFrames {

    /** Receives each event. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param data the event's data from {@code offset}, valid only during the call (the bytes are reused)
         * @param event the event's name, null when it had none
         * @return null to go on, else why the stream is wrong: reading stops and the reason is returned
         */
        String onEvent(String event, byte[] data, int offset, int length) throws IOException;
    }

    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final boolean bounded;
    private byte[] buffer;
    /** An event's data when it cannot stay in the buffer: made on first use, which most streams never need. */
    private byte[] data = new byte[0];
    /** The event's data so far: in {@link #data}, or while it is one line, at {@link #sliceFrom} in the buffer. */
    private int dataLength;
    private boolean inBuffer;
    private int sliceFrom;
    private String event;
    /** Bytes of the event so far (its lines, line ends not counted), for the event limit. */
    private long eventBytes;
    /** The buffer's bytes: {@code [start, filled)} is the line not yet ended. */
    private int filled;
    private int start;

    /** Frames without limits: the body under it bounds what it reads. */
    public SseFrames() {
        this(false, new byte[8192]);
    }

    private SseFrames(boolean bounded, byte[] buffer) {
        this.bounded = bounded;
        this.buffer = buffer;
    }

    /**
     * Frames that also hold the client's limits (a line longer than {@link StreamLimits#MAX_LINE_BYTES} or an event
     * longer than {@link StreamLimits#MAX_EVENT_BYTES}, CR and LF not counted): {@link #read} returns the reason the
     * moment a read passes one, before more is buffered. For a {@link BodyDecoder} that says it
     * {@linkplain BodyDecoder#boundsLines() bounds lines itself}.
     */
    public static SseFrames withLimits() {
        return withLimits(new byte[8192]);
    }

    /**
     * Like {@link #withLimits()}, reading into {@code buffer}: a caller that recycles buffers lends one for the
     * stream instead of a new one per request. A line longer than it is read into a larger copy, so the lent array
     * is free again once {@link #read} has returned.
     */
    public static SseFrames withLimits(byte[] buffer) {
        if (buffer.length == 0) {
            throw new IllegalArgumentException("an empty read buffer");
        }
        return new SseFrames(true, buffer);
    }

    /**
     * Reads {@code in} to its end, or until the sink objects or a limit is passed.
     *
     * @return null at the end of the body, else the sink's objection or the limit passed
     */
    public String read(InputStream in, Sink sink) throws IOException {
        while (true) {
            makeRoom();
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                return end(sink);
            }
            String wrong = scan(n, sink);
            if (wrong != null) {
                return wrong;
            }
        }
    }

    /**
     * The push entry, for a transport that is handed the body's bytes as they arrive (an event loop): frames
     * {@code [offset, offset + length)} of the body as {@link #read} would had a read returned them, in pieces no
     * larger than a read into the same buffer, so the limits are passed, and the same reasons returned, at the same
     * bytes. The bytes are copied; the caller may reuse its array once this returns.
     *
     * @return null to go on, else the sink's objection or the limit passed: the stream is over
     */
    public String feed(byte[] bytes, int offset, int length, Sink sink) throws IOException {
        while (length > 0) {
            makeRoom();
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            offset += n;
            length -= n;
            String wrong = scan(n, sink);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    /**
     * The body ended (push entry): frames the last line and dispatches the last event, as {@link #read} does at the
     * end of its stream.
     *
     * @return null, or the sink's objection to the last event
     */
    public String end(Sink sink) throws IOException {
        String wrong = filled > start ? line(start, filled, sink) : null;
        return wrong != null ? wrong : dispatch(sink);
    }

    private void makeRoom() {
        if (filled == buffer.length) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                start = 0;
            } else {
                // A line longer than the buffer (the limits bound how long it may grow).
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
    }

    /** Frames the {@code n} bytes just put at {@link #filled}: the lines they end, then the limits of the one left. */
    private String scan(int n, Sink sink) throws IOException {
        int scan = filled;
        filled += n;
        int end;
        while ((end = indexOfNewline(buffer, scan, filled)) >= 0) {
            String wrong = line(start, end, sink);
            if (wrong != null) {
                return wrong;
            }
            start = end + 1;
            scan = start;
        }
        if (bounded) {
            // The line not yet ended: a trailing CR may be its end, which is not counted.
            int partial = filled - start - (filled > start && buffer[filled - 1] == '\r' ? 1 : 0);
            String wrong = StreamLimits.passed(partial, eventBytes + partial, true);
            if (wrong != null) {
                return wrong;
            }
        }
        keepData(); // the next read may move or overwrite the line the event's data lies in
        if (start == filled) {
            start = 0;
            filled = 0;
        }
        return null;
    }

    private String line(int from, int to, Sink sink) throws IOException {
        byte[] bytes = buffer;
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        if (from == to) {
            eventBytes = 0;
            return dispatch(sink);
        }
        if (bounded) {
            eventBytes += to - from;
            String wrong = StreamLimits.passed(to - from, eventBytes, true);
            if (wrong != null) {
                return wrong;
            }
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
        if (dataLength == 0) {
            // Most events are one data line: left where it lies until the event ends or the buffer moves.
            inBuffer = true;
            sliceFrom = first;
            dataLength = length;
            return;
        }
        keepData();
        ensure(length + 1);
        data[dataLength++] = '\n';
        System.arraycopy(bytes, first, data, dataLength, length);
        dataLength += length;
    }

    /** Copies the event's data out of the read buffer, if it is still there. */
    private void keepData() {
        if (inBuffer) {
            inBuffer = false;
            if (dataLength > 0) {
                ensure(0);
                System.arraycopy(buffer, sliceFrom, data, 0, dataLength);
            }
        }
    }

    private String dispatch(Sink sink) throws IOException {
        String name = event;
        int length = dataLength;
        boolean sliced = inBuffer;
        event = null;
        dataLength = 0;
        inBuffer = false;
        if (length == 0) {
            return null;
        }
        return sliced ? sink.onEvent(name, buffer, sliceFrom, length) : sink.onEvent(name, data, 0, length);
    }

    private void ensure(int more) {
        if (dataLength + more > data.length) {
            data = Arrays.copyOf(data, Math.max(Math.max(data.length * 2, 1024), dataLength + more));
        }
    }

    /**
     * The first '\n' in {@code [from, to)}, or -1: eight bytes a word, each tested for a zero after XOR with the
     * newline (the classic "has a zero byte" test; its lowest flagged byte is exact, a borrow only flags bytes above).
     */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (int last = to - Long.BYTES; i <= last; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
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
