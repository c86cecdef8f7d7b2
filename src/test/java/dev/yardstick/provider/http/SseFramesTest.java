package dev.yardstick.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** SSE framing from the bytes: events whatever the reads' sizes, and the limits it holds in the same pass. */
class SseFramesTest {

    /** Hands out the bytes at most {@code step} at a time, as a body arriving in pieces does. */
    private static InputStream inSteps(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static List<String> events(SseFrames frames, InputStream in) throws IOException {
        List<String> heard = new ArrayList<>();
        String wrong = frames.read(in, (event, data, offset, length) -> {
            heard.add(event + "|" + new String(data, offset, length, StandardCharsets.UTF_8));
            return null;
        });
        assertNull(wrong);
        return heard;
    }

    private static byte[] repeat(char c, long n) {
        byte[] bytes = new byte[(int) n];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static String limitOf(byte[] body) throws IOException {
        return SseFrames.withLimits().read(inSteps(body, 8192), (event, data, offset, length) -> null);
    }

    @Test
    void eventsAreTheSameWhereverTheReadsCutThem() throws IOException {
        String body = "data: {\"a\":1}\n\n"
                + ": a comment\r\n"
                + "event: error\r\ndata:  two \r\ndata: lines\r\n\r\n"
                + "data:\ndata: after an empty line\n\n"
                + "id: 7\nretry: 10\n\n" // no data: no event
                + "data: 日本 🎉\n\n"
                + "data: at the end, no blank line";
        List<String> expected = List.of("null|{\"a\":1}", "error|two\nlines", "null|after an empty line",
                "null|日本 🎉", "null|at the end, no blank line");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int step = 1; step <= bytes.length; step++) {
            assertEquals(expected, events(new SseFrames(), inSteps(bytes, step)), "reads of " + step);
            assertEquals(expected, events(SseFrames.withLimits(), inSteps(bytes, step)), "reads of " + step);
            assertEquals(expected, events(SseFrames.withLimits(new byte[16]), inSteps(bytes, step)),
                    "a lent buffer smaller than a line, reads of " + step);
        }
    }

    @Test
    void anEventLongerThanTheReadBufferArrivesWhole() throws IOException {
        String big = "x".repeat(50_000);
        byte[] bytes = ("data: " + big + "\ndata: y\n\ndata: z\n\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("null|" + big + "\ny", "null|z"), events(SseFrames.withLimits(), inSteps(bytes, 3000)));
    }

    @Test
    void newlinesAreFoundAtEveryPositionOfAWord() {
        for (int at = 0; at < 24; at++) {
            byte[] bytes = repeat('a', 24);
            bytes[at] = '\n';
            for (int from = 0; from <= at; from++) {
                assertEquals(at, SseFrames.indexOfNewline(bytes, from, bytes.length), at + " from " + from);
            }
            assertEquals(-1, SseFrames.indexOfNewline(bytes, at + 1, bytes.length));
            assertEquals(-1, SseFrames.indexOfNewline(bytes, 0, at));
        }
        byte[] high = repeat((char) 0x8A, 16); // bytes with the high bit set are not newlines
        high[11] = '\n';
        assertEquals(11, SseFrames.indexOfNewline(high, 0, 16));
    }

    @Test
    void aLineOfExactlyTheLimitPassesAndOneByteMoreFails() throws IOException {
        byte[] atLimit = repeat('a', StreamLimits.MAX_LINE_BYTES);
        atLimit[0] = ':'; // a comment: counted, not data
        assertNull(limitOf(atLimit));
        byte[] over = repeat('a', StreamLimits.MAX_LINE_BYTES + 1);
        assertEquals("a line longer than 1 MiB (the client's limit)", limitOf(over));
        assertNull(new SseFrames().read(new ByteArrayInputStream(over), (event, data, offset, length) -> null),
                "unbounded frames leave the limits to the body");
    }

    @Test
    void aLineEndingInCarriageReturnsDoesNotCountItsLastOne() throws IOException {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            out.writeBytes(repeat('a', StreamLimits.MAX_LINE_BYTES));
            out.writeBytes("\r\n\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertNull(limitOf(out.toByteArray()));
    }

    @Test
    void anEventLongerThanTheLimitFailsAndABlankLineResetsTheCount() throws IOException {
        byte[] line = ("data: " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.US_ASCII);
        var event = new ByteArrayOutputStream();
        var events = new ByteArrayOutputStream();
        while (event.size() <= StreamLimits.MAX_EVENT_BYTES + line.length) {
            event.writeBytes(line);
        }
        while (events.size() <= 3 * StreamLimits.MAX_EVENT_BYTES) {
            events.writeBytes(line);
            events.write('\n');
        }
        assertEquals("an SSE event longer than 1 MiB (the client's limit)", limitOf(event.toByteArray()));
        assertNull(limitOf(events.toByteArray()));
    }

    @Test
    void anEventThatPassesTheLimitIsNamedSoEvenWhenItsLastLineIsExactlyTheLineLimit() throws IOException {
        var out = new ByteArrayOutputStream();
        out.writeBytes("a\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(repeat('b', StreamLimits.MAX_LINE_BYTES));
        assertTrue(limitOf(out.toByteArray()).startsWith("an SSE event longer than 1 MiB"));
    }
}
