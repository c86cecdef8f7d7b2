package dev.yardstick.provider.http;

import dev.yardstick.provider.ReadTime;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Plain-text HTTP/1.1 on blocking sockets, for {@code http://} endpoints (loopback and self-hosted servers, the
 * targets a load test drives hardest): one write per request, the response read through the connection's own buffer
 * on the calling thread, chunked, length-delimited and close-delimited bodies, a keep-alive pool per host and port.
 * Measured against Helidon's WebClient under the same client (bench/README.md), it costs about half the CPU per
 * request; {@code https://} stays with Helidon ({@link SchemeTransport}), which owns TLS.
 *
 * <p>It behaves as the client expects of Helidon: TCP_NODELAY on, no proxy, no redirect followed, no
 * {@code Expect: 100-continue}; the read timeout bounds every wait for bytes; a body cut short is an
 * {@link EOFException}; closing an exchange before its body ended drops the connection, never drains it; an
 * interrupt or a close from another thread ends a blocked read.
 *
 * <p>The read timeout is enforced by {@link ReadDeadlines}, not by the socket's own timeout: a streamed answer waits
 * for bytes once per chunk, and on a virtual thread a socket read with a timeout is a timed park, which costs a
 * delay-scheduler task (and a wake-up of its thread) per wait; {@code bench/floor.sh} measures the difference.
 */
final class SocketTransport implements HttpTransport {

    private static final byte[] EMPTY = new byte[0];

    private final int connectMillis;
    private final long readNanos;
    private final ReadDeadlines deadlines;
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    SocketTransport(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, ReadDeadlines.SHARED);
    }

    SocketTransport(Duration connectTimeout, Duration readTimeout, ReadDeadlines deadlines) {
        this.deadlines = deadlines;
        this.connectMillis = millis(connectTimeout);
        this.readNanos = TimeUnit.MILLISECONDS.toNanos(millis(readTimeout));
    }

    /** 0 is the socket's "no limit"; a positive duration under a millisecond still limits. */
    private static int millis(Duration timeout) {
        if (timeout == null || timeout.isZero()) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public Exchange send(Request request) throws IOException {
        URI uri = request.uri();
        int port = port(uri);
        String authority = uri.getHost() + ':' + port;
        byte[] wire = encode(request, uri, authority);
        ConcurrentLinkedDeque<Connection> pool = idle.computeIfAbsent(authority, a -> new ConcurrentLinkedDeque<>());
        Connection pooled = pool.pollFirst();
        if (pooled != null) {
            try {
                return pooled.exchange(wire, pool);
            } catch (StaleConnectionException stale) {
                pooled.drop(); // the server closed it while it was idle: once more, on a fresh connection
            } catch (IOException | RuntimeException e) {
                pooled.drop();
                throw e;
            }
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), port), connectMillis);
            return new Connection(socket).exchange(wire, pool);
        } catch (StaleConnectionException e) {
            socket.close();
            throw new EOFException("connection closed before the status line");
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    static int port(URI uri) {
        return uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** The request as it goes on the wire, head and body in one array: one write. */
    static byte[] encode(Request request, URI uri, String authority) {
        byte[] body = request.body() == null ? EMPTY : request.body();
        StringBuilder head = new StringBuilder(256);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        head.append(request.method()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getPort() < 0 ? uri.getHost() : authority).append("\r\n");
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> head.append(name).append(": ").append(headerValue(name, value))
                        .append("\r\n"));
            }
        });
        if (request.body() != null || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, wire, 0, headBytes.length);
        System.arraycopy(body, 0, wire, headBytes.length, body.length);
        return wire;
    }

    /** A line break in a header would let its value write headers of its own (Helidon refuses them too). */
    private static String headerValue(String name, String value) {
        if (name.isEmpty() || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || name.indexOf(':') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header '" + name.replaceAll("[\\r\\n]", " ")
                    + "' has a line break or a colon in its name, or a line break in its value");
        }
        return value;
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(pool -> {
            for (Connection c; (c = pool.poll()) != null; ) {
                c.drop();
            }
        });
    }

    /** A pooled connection the server had closed: nothing of a response came back. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(String message) {
            super(message);
        }
    }

    /** One socket and its read buffer. Used by one exchange at a time. */
    private final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[16 * 1024];
        /** Its reads' deadlines while an exchange is on it; null when reads have no limit. */
        private final ReadDeadlines.Read reads;
        private int position;
        private int limit;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.reads = readNanos == 0 ? null : new ReadDeadlines.Read(readNanos) {
                @Override
                protected void abort() {
                    drop();
                }
            };
        }

        Exchange exchange(byte[] wire, ConcurrentLinkedDeque<Connection> pool) throws IOException {
            if (reads != null) {
                deadlines.watch(reads); // until the exchange is closed (release or drop)
            }
            try {
                return send(wire, pool);
            } catch (IOException | RuntimeException e) {
                release();
                throw e;
            }
        }

        private Exchange send(byte[] wire, ConcurrentLinkedDeque<Connection> pool) throws IOException {
            try {
                out.write(wire);
            } catch (SocketException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the caller gave up: not a connection to try again
                }
                throw new StaleConnectionException("connection closed before the request was sent: " + e.getMessage());
            }
            ResponseHead head;
            do {
                String statusLine = line();
                if (statusLine == null) {
                    throw new StaleConnectionException("connection closed before the status line");
                }
                head = new ResponseHead(statusLine);
                for (String h; (h = line()) != null && !h.isEmpty(); ) {
                    head.header(h);
                }
            } while (head.informational()); // 1xx informational answers precede the real one
            return new SocketExchange(this, pool, head.framed());
        }

        /** One line of the head or of the chunk framing, without its CRLF; null at the end of the connection. */
        String line() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position == limit && !fill()) {
                    return line == null || line.isEmpty() ? null : line.toString();
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                boolean found = position < limit;
                int end = position;
                if (found) {
                    position++;
                }
                if (line == null && found) {
                    return new String(buffer, start, end > start && buffer[end - 1] == '\r' ? end - start - 1
                            : end - start, StandardCharsets.ISO_8859_1);
                }
                line = line == null ? new StringBuilder() : line;
                line.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
                if (line.length() > ResponseHead.MAX_HEAD_LINE) {
                    throw new IOException("a response head line longer than " + ResponseHead.MAX_HEAD_LINE
                            + " bytes");
                }
                if (found) {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
            }
        }

        /** Reads up to {@code length} body bytes, from the buffer first; -1 at the end of the connection. */
        int read(byte[] target, int offset, int length) throws IOException {
            if (position == limit) {
                if (length >= buffer.length) {
                    return receive(target, offset, length); // a large read needs no copy through the buffer
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            int n = receive(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        /**
         * One read from the socket, bounded by the read timeout. It stamps the thread, which decodes what it read: a
         * chunk read here and decoded later from the buffer keeps the time it arrived ({@link ReadTime}).
         */
        private int receive(byte[] target, int offset, int length) throws IOException {
            int n = reads == null ? in.read(target, offset, length) : receiveTimed(target, offset, length);
            ReadTime.stamp();
            return n;
        }

        private int receiveTimed(byte[] target, int offset, int length) throws IOException {
            reads.waiting();
            int n;
            try {
                n = in.read(target, offset, length);
            } catch (IOException e) {
                if (reads.expired()) {
                    throw timedOut(e);
                }
                throw e;
            }
            if (reads.expired()) { // bytes came as the deadline passed: the socket is closed all the same
                throw timedOut(null);
            }
            return n;
        }

        private SocketTimeoutException timedOut(IOException closed) {
            SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
            if (closed != null) {
                timeout.initCause(closed);
            }
            return timeout;
        }

        /** The exchange on it ended: its reads are no longer watched. */
        void release() {
            if (reads != null) {
                deadlines.forget(reads);
            }
        }

        void drop() {
            release();
            try {
                socket.close();
            } catch (IOException e) {
                // dropped either way
            }
        }
    }

    private final class SocketExchange extends InputStream implements Exchange {

        private final Connection connection;
        private final ConcurrentLinkedDeque<Connection> pool;
        private final int status;
        private final Map<String, List<String>> headers;
        private final boolean chunked;
        private final boolean reusable;
        private final boolean closeDelimited;
        private long remaining; // of the current chunk, or of the whole body
        private boolean ended;
        private volatile boolean closed;

        SocketExchange(Connection connection, ConcurrentLinkedDeque<Connection> pool, ResponseHead head) {
            this.connection = connection;
            this.pool = pool;
            this.status = head.status;
            this.headers = head.headers;
            this.chunked = head.chunked;
            this.remaining = head.length;
            this.closeDelimited = remaining == ResponseHead.UNTIL_CLOSE;
            this.reusable = head.reusable;
            this.ended = !chunked && remaining == 0;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public Map<String, List<String>> headers() {
            return headers;
        }

        @Override
        public InputStream body() {
            return this;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended || closed) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            if (chunked && remaining == 0 && !nextChunk()) {
                return -1;
            }
            int n = connection.read(target, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                if (closeDelimited) { // a body delimited by the end of the connection (RFC 9112 §6.3)
                    ended = true;
                    return -1;
                }
                throw new EOFException("connection closed before the response ended");
            }
            if (!closeDelimited) {
                remaining -= n;
            }
            if (chunked && remaining == 0) {
                if (connection.line() == null) { // the CRLF after each chunk
                    throw new EOFException("connection closed before the response ended");
                }
            } else if (!chunked && remaining == 0) {
                ended = true;
            }
            return n;
        }

        /** Reads the next chunk's size line; false after the last chunk and its trailers. */
        private boolean nextChunk() throws IOException {
            String size = connection.line();
            if (size == null) {
                throw new EOFException("connection closed before the response ended");
            }
            remaining = ResponseHead.chunkSize(size);
            if (remaining > 0) {
                return true;
            }
            for (String trailer; (trailer = connection.line()) != null && !trailer.isEmpty(); ) {
                // trailers are not used
            }
            ended = true;
            return false;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (ended && reusable && !SocketTransport.this.closed) {
                connection.release();
                pool.offerFirst(connection);
            } else {
                connection.drop();
            }
        }
    }
}
