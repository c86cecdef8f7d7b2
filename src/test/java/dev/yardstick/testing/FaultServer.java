package dev.yardstick.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that answers each connection with exactly the bytes a {@link Handler}
 * writes, in the pieces and at the pace it chooses: split SSE events, a multi-byte character cut across two
 * writes, a trickle, a reset, a truncated chunked body. Where {@link LoopbackLlmServer} is a well-behaved provider,
 * this one is a broken one. One request per connection (every response says {@code Connection: close}).
 */
public final class FaultServer implements AutoCloseable {

    /** Serves one connection. Runs on its own virtual thread; any exception just drops the connection. */
    @FunctionalInterface
    public interface Handler {
        void serve(Connection connection) throws Exception;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong connections = new AtomicLong();
    private volatile Handler handler;

    private FaultServer(Handler handler) {
        this.handler = handler;
        try {
            this.socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::acceptLoop);
    }

    public static FaultServer start(Handler handler) {
        return new FaultServer(handler);
    }

    /** Replaces the handler for connections accepted from now on. */
    public void handler(Handler value) {
        handler = Objects.requireNonNull(value, "handler");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Connections accepted so far. */
    public long connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket accepted;
            try {
                accepted = socket.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            Handler current = handler;
            threads.submit(() -> {
                try (Socket s = accepted) {
                    s.setTcpNoDelay(true);
                    current.serve(new Connection(s, closing));
                } catch (Exception dropped) {
                    // the handler's choice, or the client went away: either way this connection is done
                }
                return null;
            });
        }
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One accepted connection: read the request, then write whatever the fault calls for. */
    public static final class Connection {
        private final Socket socket;
        private final CountDownLatch closing;
        private final OutputStream out;
        private String path;
        private String body;

        Connection(Socket socket, CountDownLatch closing) throws IOException {
            this.socket = socket;
            this.closing = closing;
            this.out = socket.getOutputStream();
        }

        /** Reads the request line, headers and a Content-Length body; returns this. */
        public Connection readRequest() throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("request cut short");
                }
                head.write(b);
                last4 = (last4 << 8) | b;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            path = text.substring(text.indexOf(' ') + 1, text.indexOf(' ', text.indexOf(' ') + 1));
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return this;
        }

        public String path() {
            return path;
        }

        public String body() {
            return body;
        }

        /** Which protocol the request spoke, by its path. */
        public Protocol protocol() {
            return path.endsWith("/messages") ? Protocol.ANTHROPIC : Protocol.OPENAI;
        }

        /** Status line and headers, nothing else: a close-delimited body (or none) follows. */
        public Connection head(int status, String contentType, String... extraHeaders) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                    .append("\r\nContent-Type: ").append(contentType).append("\r\nConnection: close\r\n");
            for (String header : extraHeaders) {
                head.append(header).append("\r\n");
            }
            return write(head.append("\r\n").toString());
        }

        /** A complete response with a Content-Length body. */
        public void fixed(int status, String contentType, String body, String... extraHeaders) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String[] headers = java.util.Arrays.copyOf(extraHeaders, extraHeaders.length + 1);
            headers[extraHeaders.length] = "Content-Length: " + bytes.length;
            head(status, contentType, headers);
            out.write(bytes);
            out.flush();
        }

        public Connection write(String text) throws IOException {
            return write(text.getBytes(StandardCharsets.UTF_8));
        }

        public Connection write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /** Writes the bytes in pieces of {@code piece} bytes, each flushed, with a pause after each. */
        public Connection dribble(byte[] bytes, int piece, Duration pause) throws IOException, InterruptedException {
            for (int i = 0; i < bytes.length; i += piece) {
                out.write(bytes, i, Math.min(piece, bytes.length - i));
                out.flush();
                if (!pause.isZero()) {
                    Thread.sleep(pause);
                }
            }
            return this;
        }

        public Connection dribble(String text, int piece, Duration pause) throws IOException, InterruptedException {
            return dribble(text.getBytes(StandardCharsets.UTF_8), piece, pause);
        }

        /** One HTTP/1.1 chunk of a chunked body. */
        public Connection chunk(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        public Connection flush() throws IOException {
            out.flush();
            return this;
        }

        /** Drops the connection with a TCP reset instead of an orderly close. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Closes the connection in order (FIN). */
        public void close() throws IOException {
            socket.close();
        }

        /** Says nothing more until the server closes. */
        public void silence() throws InterruptedException {
            closing.await();
        }

        /** Writes the bytes until the client goes away or the server closes; false when the client went away. */
        public boolean writeUntilGone(byte[] pattern, long maxBytes) {
            try {
                for (long sent = 0; sent < maxBytes && closing.getCount() > 0; sent += pattern.length) {
                    out.write(pattern);
                }
                out.flush();
                return true;
            } catch (SocketException gone) {
                return false;
            } catch (IOException e) {
                return false;
            }
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 502 -> "Bad Gateway";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }
    }
}
