package dev.yardstick.provider.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw loopback HTTP/1.1 server whose every connection runs a script: for each request read, the script writes
 * what it wants, stalls, or closes. For the transports' own failures, byte by byte.
 */
final class ScriptedServer implements AutoCloseable {

    /** What one request on a connection gets; returning false closes the connection. */
    @FunctionalInterface
    interface Script {
        boolean answer(int connection, int request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    /** Counted down when a connection is closed by the client while the script waited for its next request. */
    final CountDownLatch clientClosed = new CountDownLatch(1);

    ScriptedServer(Script script) throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    int connection = accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket, connection, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket, int connection, Script script) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int request = 1; ; request++) {
                if (readRequest(in) == null) {
                    clientClosed.countDown();
                    return;
                }
                requests.incrementAndGet();
                if (!script.answer(connection, request, out)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            clientClosed.countDown();
        }
    }

    /** Reads one request (head and Content-Length body): its head, or null at the end of the connection. */
    static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int at = text.toLowerCase().indexOf("content-length: ");
                if (at >= 0) {
                    in.readNBytes(Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at))));
                }
                return text;
            }
        }
        return null;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
    }

    /** Waits until the client closed a connection the script is done with; true when it did within the time. */
    boolean awaitClientClose(long millis) throws InterruptedException {
        return clientClosed.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One chunk of a chunked body. */
    static String chunk(String data) {
        int length = data.getBytes(StandardCharsets.UTF_8).length;
        return Integer.toHexString(length) + "\r\n" + data + "\r\n";
    }

    static final String SSE_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    @Override
    public void close() throws IOException {
        server.close();
    }
}
