package dev.yardstick.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The engine under {@link LeanHttpClient}: one HTTP/1.1 exchange at a time per call, done with blocking I/O on the
 * CALLING thread (a virtual thread in the benchmark), so that no selector or executor thread stands between the socket
 * and the SSE parser. Kept as an interface so the shootout can put alternatives under the same client and measure them.
 * (A streamed {@code http://} body whose decoder takes it pushed can go over {@link LoopTransport} instead, which
 * reads on an event loop: {@link SchemeTransport}.)
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends the request and blocks until the status line and headers have arrived. Interrupting the calling thread
     * aborts the exchange; so does the read timeout the transport was made with.
     */
    Exchange send(Request request) throws IOException;

    /** Closes every pooled connection. */
    @Override
    void close();

    /** What goes on the wire; the body is already encoded (JSON or multipart). */
    record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    }

    /** A response whose head has arrived; its body is read from {@link #body()} on the calling thread. */
    interface Exchange extends AutoCloseable {

        int status();

        /** Response headers, names looked up case-insensitively. */
        Map<String, List<String>> headers();

        InputStream body();

        /**
         * Ends the exchange. After the body was read to its end the connection goes back to the pool; before that it
         * is dropped, never drained: a cancelled stream must not keep the caller waiting for the rest of the answer.
         * May be called from another thread to abort a blocked read.
         */
        @Override
        void close();
    }

    /** Makes a transport with the client's timeouts; null means "no limit". */
    @FunctionalInterface
    interface Factory {
        HttpTransport create(Duration connectTimeout, Duration readTimeout);
    }
}
