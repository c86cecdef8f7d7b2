package dev.yardstick.bench;

import dev.yardstick.provider.http.HttpTransport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The shootout's floor, not a candidate: the least an HTTP/1.1 exchange can cost on a blocking socket (one write per
 * request, a buffered read, chunked decoding, a keep-alive pool). Plain http to one host only; it shows how far the
 * libraries are from what the socket itself allows.
 */
final class RawSocketTransport implements HttpTransport {

    private final int connectMillis;
    private final int readMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    RawSocketTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectMillis = connectTimeout == null ? 0 : (int) connectTimeout.toMillis();
        this.readMillis = readTimeout == null ? 0 : (int) readTimeout.toMillis();
    }

    @Override
    public Exchange send(Request request) throws IOException {
        Connection pooled = idle.pollFirst();
        if (pooled != null) {
            try {
                return pooled.exchange(request);
            } catch (EOFException staleKeepAlive) {
                pooled.socket.close(); // the server closed it while idle: once more on a fresh connection
            }
        }
        return connect(request).exchange(request);
    }

    private Connection connect(Request request) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(readMillis);
        int port = request.uri().getPort() < 0 ? 80 : request.uri().getPort();
        socket.connect(new InetSocketAddress(request.uri().getHost(), port), connectMillis);
        return new Connection(socket);
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.poll()) != null; ) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        Exchange exchange(Request request) throws IOException {
            StringBuilder head = new StringBuilder(256);
            String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? ""
                    : "?" + request.uri().getRawQuery());
            head.append(request.method()).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(request.uri().getHost()).append(':').append(request.uri().getPort()).append("\r\n");
            request.headers().forEach((name, values) -> values.forEach(
                    v -> head.append(name).append(": ").append(v).append("\r\n")));
            byte[] body = request.body() == null ? new byte[0] : request.body();
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            ByteArrayOutputStream wire = new ByteArrayOutputStream(head.length() + body.length);
            wire.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            wire.writeBytes(body);
            out.write(wire.toByteArray()); // one segment
            String statusLine = line();
            if (statusLine == null) {
                throw new EOFException("connection closed before the status line");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String h; (h = line()) != null && !h.isEmpty(); ) {
                int colon = h.indexOf(':');
                headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).trim());
            }
            return new RawExchange(this, status, headers);
        }

        String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                line.append((char) b);
            }
            return line.isEmpty() ? null : line.toString();
        }
    }

    private final class RawExchange extends StreamingExchange {
        private final Connection connection;
        private final boolean chunked;
        private final boolean reusable;
        private long remaining; // in the current chunk, or of the whole body
        private boolean ended;
        private boolean closed;

        RawExchange(Connection connection, int status, Map<String, List<String>> headers) {
            super(status, headers);
            this.connection = connection;
            List<String> te = headers.get("Transfer-Encoding");
            this.chunked = te != null && te.get(0).equalsIgnoreCase("chunked");
            List<String> length = headers.get("Content-Length");
            this.remaining = chunked ? 0 : length == null ? Long.MAX_VALUE : Long.parseLong(length.get(0));
            List<String> conn = headers.get("Connection");
            this.reusable = (chunked || length != null) && (conn == null || !conn.get(0).equalsIgnoreCase("close"));
            this.ended = !chunked && remaining == 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (chunked && remaining == 0) {
                String size = connection.line();
                if (size == null) {
                    throw new EOFException("connection closed before the last chunk");
                }
                int semicolon = size.indexOf(';');
                remaining = Long.parseLong(semicolon < 0 ? size.trim() : size.substring(0, semicolon).trim(), 16);
                if (remaining == 0) {
                    while (!connection.line().isEmpty()) {
                        // trailers: none expected, skipped
                    }
                    ended = true;
                    return -1;
                }
            }
            int n = connection.in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                if (remaining == Long.MAX_VALUE) { // a body delimited by the connection's end
                    ended = true;
                    return -1;
                }
                throw new EOFException("connection closed in the middle of the body");
            }
            remaining -= n;
            if (chunked && remaining == 0) {
                connection.line(); // the CRLF after each chunk
            } else if (!chunked && remaining == 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (ended && reusable) {
                idle.offerFirst(connection);
            } else {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // dropped either way
                }
            }
        }
    }
}
