package dev.yardstick.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The response body as the SSE parser sees it. Closing it ends the exchange (dropping the connection if the body was
 * not read to its end), which is how langchain4j's parsing handle cancels a stream. It also remembers WHY it was
 * closed, so that the read error a cancellation provokes is not reported as a failure.
 */
final class ExchangeBody extends InputStream {

    private final HttpTransport.Exchange exchange;
    private final InputStream in;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ended;
    private volatile boolean failed;
    private volatile boolean cancelled;

    ExchangeBody(HttpTransport.Exchange exchange) {
        this.exchange = exchange;
        this.in = exchange.body();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
            }
            return n;
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
        if (closed.compareAndSet(false, true)) {
            cancelled = !ended && !failed;
            exchange.close();
        }
    }
}
