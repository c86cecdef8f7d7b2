package dev.yardstick.provider.http;

import dev.yardstick.provider.ReadTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The response body as the parser sees it. Closing it ends the exchange (dropping the connection if the body was
 * not read to its end), which is how langchain4j's parsing handle cancels a stream. It also remembers WHY it was
 * closed, so that the read error a cancellation provokes is not reported as a failure.
 *
 * <p>It bounds what a parser can be made to hold: a line longer than {@link StreamLimits#MAX_LINE_BYTES}, or (for SSE)
 * an event longer than {@link StreamLimits#MAX_EVENT_BYTES}, fails the read as a malformed stream the moment the
 * limit is passed, before the parser has buffered more. And it keeps the first bytes that arrived, for the message
 * of a response that turns out not to be an answer.
 */
final class ExchangeBody extends InputStream {

    private final HttpTransport.Exchange exchange;
    private final InputStream in;
    private final boolean sse;
    private final boolean watchLimits;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final BodyHead head = new BodyHead();
    private long lineBytes;
    private long eventBytes;
    private volatile boolean ended;
    private volatile boolean failed;
    private volatile boolean cancelled;

    /** @param sse whether the body is SSE, whose events end with a blank line (NDJSON's never do) */
    ExchangeBody(HttpTransport.Exchange exchange, boolean sse) {
        this(exchange, sse, true);
    }

    /**
     * @param watchLimits false when the reader holds the limits itself in its own pass over the bytes
     *                    ({@link BodyDecoder#boundsLines()}), so that they are not scanned twice
     */
    ExchangeBody(HttpTransport.Exchange exchange, boolean sse, boolean watchLimits) {
        this.exchange = exchange;
        this.in = exchange.body();
        this.sse = sse;
        this.watchLimits = watchLimits;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            failed = true;
            throw e;
        } catch (UncheckedIOException e) {
            failed = true;
            throw e.getCause();
        } catch (RuntimeException e) {
            // An engine's own failure type: still a broken read, and it must reach the parser as one.
            failed = true;
            throw new IOException("response body could not be read: " + e, e);
        }
        if (n < 0) {
            ended = true;
            return n;
        }
        head.keep(buffer, offset, n);
        if (watchLimits) {
            watchLimits(buffer, offset, n);
        }
        return n;
    }


    /**
     * Counts line and event bytes (CR and LF not counted). The counts are checked where a line ends and after each
     * read, not at every byte: one read is bounded by the caller's buffer, so a limit still fails the read that
     * passed it, and the loop over the bytes stays a plain count (it runs over every byte of every answer).
     */
    private void watchLimits(byte[] buffer, int offset, int n) throws MalformedStreamException {
        long line = lineBytes;
        long event = eventBytes;
        for (int i = offset, end = offset + n; i < end; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                checkLimits(line, event);
                if (line == 0) {
                    event = 0; // a blank line ends an SSE event
                }
                line = 0;
            } else if (b != '\r') {
                line++;
                event++;
            }
        }
        lineBytes = line;
        eventBytes = event;
        checkLimits(line, event);
    }

    private void checkLimits(long line, long event) throws MalformedStreamException {
        String passed = StreamLimits.passed(line, event, sse);
        if (passed != null) {
            failed = true;
            throw new MalformedStreamException(passed, head());
        }
    }

    /** The first bytes that arrived, decoded (a character cut at the end shows as a replacement mark). */
    String head() {
        return head.text();
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    /** Closed by a reader who gave up before the end: the stream was cancelled, not broken. */
    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        // The reader closes it when done, even after a cancel closed it from another thread: from then on, what the
        // reading thread hears was not read from this body.
        ReadTime.clear();
        if (closed.compareAndSet(false, true)) {
            cancelled = !ended && !failed;
            exchange.close();
        }
    }
}
