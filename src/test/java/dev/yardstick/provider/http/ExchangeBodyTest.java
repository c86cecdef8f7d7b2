package dev.yardstick.provider.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body a parser reads: its limits, the head it keeps, and how it tells a cancellation from a failure. */
class ExchangeBodyTest {

    /** An exchange over fixed bytes (or a failing stream) that counts how often it was closed. */
    private static final class Fixed implements HttpTransport.Exchange {
        final InputStream in;
        final AtomicInteger closes = new AtomicInteger();

        Fixed(InputStream in) {
            this.in = in;
        }

        Fixed(byte[] bytes) {
            this(new ByteArrayInputStream(bytes));
        }

        @Override
        public int status() {
            return 200;
        }

        @Override
        public Map<String, List<String>> headers() {
            return Map.of();
        }

        @Override
        public InputStream body() {
            return in;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static InputStream failingWith(RuntimeException e) {
        return new InputStream() {
            @Override
            public int read() {
                throw e;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw e;
            }
        };
    }

    private static byte[] repeat(char c, long n) {
        byte[] bytes = new byte[(int) n];
        java.util.Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer, 0, buffer.length) >= 0) {
            // read to the end
        }
    }

    @Test
    void aLineOfExactlyTheLimitPassesAndOneByteMoreFails() throws IOException {
        byte[] atLimit = repeat('a', StreamLimits.MAX_LINE_BYTES);
        drain(new ExchangeBody(new Fixed(atLimit), false));

        byte[] over = repeat('a', StreamLimits.MAX_LINE_BYTES + 1);
        ExchangeBody body = new ExchangeBody(new Fixed(over), false);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> drain(body));
        assertTrue(e.getMessage().startsWith("a line longer than 1 MiB (the client's limit)"), e.getMessage());
        body.close();
        assertFalse(body.cancelled(), "a body that failed its limit was not cancelled");
    }

    @Test
    void carriageReturnsAndNewlinesAreNotCountedInALine() throws IOException {
        // Lines of the limit each, ended by CRLF: every line is within the limit however many there are.
        byte[] line = repeat('a', StreamLimits.MAX_LINE_BYTES - 1);
        byte[] crlf = "\r\n\n".getBytes(StandardCharsets.US_ASCII);
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            out.write(line);
            out.write('\r');
            out.write(crlf);
        }
        drain(new ExchangeBody(new Fixed(out.toByteArray()), true));
    }

    @Test
    void anSseEventLongerThanTheLimitFailsButANdjsonStreamOfShortLinesDoesNot() throws IOException {
        // Many short lines without a blank line between them: one ever-growing SSE event, but fine as NDJSON.
        var out = new java.io.ByteArrayOutputStream();
        byte[] line = ("data: " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.US_ASCII);
        while (out.size() <= StreamLimits.MAX_EVENT_BYTES + line.length) {
            out.write(line);
        }
        byte[] bytes = out.toByteArray();
        drain(new ExchangeBody(new Fixed(bytes), false));

        ExchangeBody sse = new ExchangeBody(new Fixed(bytes), true);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> drain(sse));
        assertTrue(e.getMessage().startsWith("an SSE event longer than 1 MiB (the client's limit)"), e.getMessage());
        assertTrue(e.getMessage().contains("data: xxx"), "the message shows what arrived: " + e.getMessage());
    }

    @Test
    void aBlankLineEndsAnSseEventAndResetsItsCount() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        byte[] event = ("data: " + "x".repeat(1000) + "\n\n").getBytes(StandardCharsets.US_ASCII);
        while (out.size() <= 3 * StreamLimits.MAX_EVENT_BYTES) {
            out.write(event);
        }
        drain(new ExchangeBody(new Fixed(out.toByteArray()), true));
    }

    @Test
    void theHeadKeepsTheFirstKilobyteOnly() throws IOException {
        String text = "h".repeat(1000) + "é" + "t".repeat(2000);
        ExchangeBody body = new ExchangeBody(new Fixed(text.getBytes(StandardCharsets.UTF_8)), true);
        byte[] small = new byte[7];
        while (body.read(small, 0, small.length) >= 0) {
            // small reads: the head is assembled from many of them
        }
        // 1,024 bytes: the thousand h's, the two bytes of é and 22 t's.
        assertEquals(text.substring(0, 1000 + 1 + 22), body.head());
    }

    @Test
    void singleByteReadsReturnUnsignedBytesAndMinusOneAtTheEnd() throws IOException {
        ExchangeBody body = new ExchangeBody(new Fixed(new byte[]{(byte) 0xC3, (byte) 0xA9}), false);
        assertEquals(0xC3, body.read());
        assertEquals(0xA9, body.read());
        assertEquals(-1, body.read());
        assertEquals("é", body.head());
    }

    @Test
    void closingBeforeTheEndIsACancellationAndClosesTheExchangeOnce() throws IOException {
        Fixed exchange = new Fixed("data: a\n\n".getBytes(StandardCharsets.US_ASCII));
        ExchangeBody body = new ExchangeBody(exchange, true);
        assertEquals('d', body.read());
        body.close();
        body.close();
        assertTrue(body.cancelled());
        assertEquals(1, exchange.closes.get());
    }

    @Test
    void closingAfterTheEndIsNoCancellation() throws IOException {
        Fixed exchange = new Fixed("data: a\n\n".getBytes(StandardCharsets.US_ASCII));
        ExchangeBody body = new ExchangeBody(exchange, true);
        drain(body);
        body.close();
        assertFalse(body.cancelled());
        assertEquals(1, exchange.closes.get());
    }

    @Test
    void availableIsTheUnderlyingStreams() throws IOException {
        ExchangeBody body = new ExchangeBody(new Fixed(new byte[5]), false);
        assertEquals(5, body.available());
    }

    @Test
    void aFailedReadIsNoCancellationWhateverItsType() {
        IOException io = new IOException("reset");
        ExchangeBody unchecked = new ExchangeBody(new Fixed(failingWith(new UncheckedIOException(io))), true);
        assertSame(io, assertThrows(IOException.class, () -> unchecked.read(new byte[4], 0, 4)));
        unchecked.close();
        assertFalse(unchecked.cancelled());

        IllegalStateException engine = new IllegalStateException("engine broke");
        ExchangeBody runtime = new ExchangeBody(new Fixed(failingWith(engine)), true);
        IOException wrapped = assertThrows(IOException.class, () -> runtime.read(new byte[4], 0, 4));
        assertSame(engine, wrapped.getCause());
        assertTrue(wrapped.getMessage().startsWith("response body could not be read"), wrapped.getMessage());
        runtime.close();
        assertFalse(runtime.cancelled());

        ExchangeBody checked = new ExchangeBody(new Fixed(new InputStream() {
            @Override
            public int read() throws IOException {
                throw io;
            }
        }), false);
        assertSame(io, assertThrows(IOException.class, () -> checked.read(new byte[4], 0, 4)));
        checked.close();
        assertFalse(checked.cancelled());
    }

    @Test
    void anEventThatPassesTheLimitIsNamedSoEvenWhenItsLastLineIsExactlyTheLineLimit() {
        var out = new java.io.ByteArrayOutputStream();
        out.write('a');
        out.write('\n');
        out.writeBytes(repeat('b', StreamLimits.MAX_LINE_BYTES));
        ExchangeBody sse = new ExchangeBody(new Fixed(out.toByteArray()), true);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> drain(sse));
        assertTrue(e.getMessage().startsWith("an SSE event longer than 1 MiB"), e.getMessage());
    }

    @Test
    void anEmptyReadIsNotTheEnd() throws IOException {
        ExchangeBody body = new ExchangeBody(new Fixed("data: a\n\n".getBytes(StandardCharsets.US_ASCII)), true);
        assertEquals(0, body.read(new byte[4], 0, 0));
        body.close();
        assertTrue(body.cancelled(), "closed before the end after an empty read: still a cancellation");
    }
}
