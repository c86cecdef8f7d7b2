package dev.yardstick.provider.hosted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server in this process that answers every request with one {@link CannedAnswer}, chunked as
 * a streaming server sends it, and keeps the connection alive. It serves the client warm-up: the real langchain4j
 * model and HTTP client talk to it as they would to the provider, and nothing leaves the machine. Bound to
 * 127.0.0.1 on a free port; every connection is served on a virtual thread; {@link #close()} drops them all.
 */
final class LoopbackStub implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * Between frames, as a server generating tokens would pause: the client then blocks on its socket mid-stream
     * and parses frames that arrive apart, which runs its blocking-read and partial-buffer paths too (an answer
     * written at once is parsed from one full buffer, and the first measured stream still paid for those).
     */
    private static final long FRAME_GAP_MILLIS = 1;

    private final ServerSocket server;
    private final byte[] responseHead;
    private final List<byte[]> frames;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private LoopbackStub(ServerSocket server, CannedAnswer answer) {
        this.server = server;
        this.responseHead = ("HTTP/1.1 200 OK\r\nContent-Type: " + answer.contentType()
                + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.frames = new ArrayList<>();
        for (String frame : answer.frames()) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            frames.add(concat((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                    bytes, CRLF));
        }
        frames.add("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Thread.ofVirtual().name("yardstick-warmup-stub").start(this::accept);
    }

    static LoopbackStub start(CannedAnswer answer) throws IOException {
        return new LoopbackStub(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()), answer);
    }

    /** {@code http://127.0.0.1:PORT} followed by the path a client's base URL needs (the stub ignores paths). */
    String baseUrl(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket does not fail in a way that matters here
        }
        connections.forEach(LoopbackStub::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            String head;
            while ((head = readHead(in)) != null) {
                long length = contentLength(head);
                if (length < 0) {
                    return; // a body we cannot frame: answering would leave the connection out of step
                }
                in.skipNBytes(length);
                out.write(responseHead);
                out.flush();
                for (byte[] frame : frames) {
                    Thread.sleep(FRAME_GAP_MILLIS);
                    out.write(frame);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away, or the stub is closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
        }
    }

    /** The request line and headers, or null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > MAX_HEAD_BYTES) {
                return null;
            }
        }
        return null;
    }

    /** The declared body length; 0 when none is declared; -1 for a chunked body. */
    private static long contentLength(String head) {
        long length = 0;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                return -1;
            }
        }
        return length;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
