package dev.yardstick.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The push entry of {@link SseFrames} ({@code feed} and {@code end}) against its pull entry ({@code read}): the same
 * events whatever the pieces' sizes, and the same limit passed, with the same reason, after the same byte.
 */
class SseFramesPushTest {

    private static final String STREAM = ": comment\r\n\r\nevent: delta\ndata: {\"a\":1}\n\n"
            + "data:  two\r\ndata: lines \r\n\r\nid: 7\nretry: 10\ndata: é日🎉\n\n" + "data: x\n".repeat(40) + "\n"
            + "data: [DONE]";

    /** What a run heard: the events, then the reason it stopped (or "end"), then how many bytes it had been given. */
    private record Run(List<String> heard, String stopped, long given) {
    }

    /** Reads in pieces of at most {@code step}; {@code pieces} gets the size of each read. */
    private static Run pull(byte[] bytes, int step, List<Integer> pieces) throws IOException {
        List<String> heard = new ArrayList<>();
        long[] given = new long[1];
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, Math.min(len, step));
                given[0] += Math.max(0, n);
                if (n > 0) {
                    pieces.add(n);
                }
                return n;
            }
        };
        String wrong = SseFrames.withLimits(new byte[step * 3]).read(in, sink(heard));
        return new Run(heard, wrong == null ? "end" : wrong, given[0]);
    }

    private static Run pull(byte[] bytes, int step) throws IOException {
        return pull(bytes, step, new ArrayList<>());
    }

    private static Run push(byte[] bytes, int step) throws IOException {
        List<Integer> pieces = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += step) {
            pieces.add(Math.min(step, bytes.length - at));
        }
        return push(bytes, step, pieces);
    }

    /** Feeds the bytes in the given pieces, into frames with the same buffer as {@link #pull}'s. */
    private static Run push(byte[] bytes, int step, List<Integer> pieces) throws IOException {
        List<String> heard = new ArrayList<>();
        SseFrames frames = SseFrames.withLimits(new byte[step * 3]);
        long given = 0;
        int at = 0;
        for (int n : pieces) {
            given += n;
            String wrong = frames.feed(bytes, at, n, sink(heard));
            at += n;
            if (wrong != null) {
                return new Run(heard, wrong, given);
            }
        }
        String wrong = frames.end(sink(heard));
        return new Run(heard, wrong == null ? "end" : wrong, given);
    }

    private static SseFrames.Sink sink(List<String> heard) {
        return (event, data, offset, length) -> {
            heard.add(event + "|" + new String(data, offset, length, StandardCharsets.UTF_8));
            return null;
        };
    }

    @Test
    void theSameEventsWhateverThePiecesSizes() throws IOException {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        Run expected = pull(bytes, 4096);
        assertEquals("delta|{\"a\":1}", expected.heard().get(0));
        assertEquals("null|[DONE]", expected.heard().get(expected.heard().size() - 1));
        for (int step = 1; step <= bytes.length; step++) {
            assertEquals(expected.heard(), push(bytes, step).heard(), "pieces of " + step);
        }
    }

    @Test
    void theLimitsArePassedAfterTheSameByteWithTheSameReason() throws IOException {
        byte[] longLine = new byte[(int) StreamLimits.MAX_LINE_BYTES + 10];
        Arrays.fill(longLine, (byte) 'x');
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, longLine, 0, 6);
        ByteArrayOutputStream longEvent = new ByteArrayOutputStream();
        for (int i = 0; longEvent.size() <= StreamLimits.MAX_EVENT_BYTES + 10_000; i++) {
            longEvent.writeBytes(("data: " + "y".repeat(1000) + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        for (byte[] bytes : List.of(longLine, longEvent.toByteArray())) {
            for (int step : new int[] {1000, 8192, 65_536}) {
                List<Integer> pieces = new ArrayList<>();
                Run pulled = pull(bytes, step, pieces);
                assertTrue(pulled.stopped().endsWith("(the client's limit)"), pulled.stopped());
                assertEquals(pulled, push(bytes, step, pieces), "pieces of " + step);
            }
        }
    }
}
