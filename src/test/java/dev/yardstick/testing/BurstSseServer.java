package dev.yardstick.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenAI-compatible streaming server that writes each burst of content chunks in ONE write (chunked framing, one
 * HTTP chunk per SSE event), so a client reads several events at once, then pauses before the next burst. It notes
 * {@link System#nanoTime()} just before each write: a client in this process cannot have had those bytes earlier.
 * Keep-alive: one connection serves request after request.
 */
public final class BurstSseServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<List<String>> bursts;
    private final Duration pause;
    private final List<Long> writes = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * @param bursts the content of each chunk, burst by burst; the finish chunk and {@code [DONE]} follow the last
     * @param pause  the wait before each burst after the first
     */
    public BurstSseServer(List<List<String>> bursts, Duration pause) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.bursts = bursts;
        this.pause = pause;
        this.acceptor = Thread.ofPlatform().daemon().name("burst-sse-server").start(this::accept);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** System.nanoTime() just before each write of a burst, in order, over every request served. */
    public List<Long> writes() {
        return List.copyOf(writes);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofPlatform().daemon().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (readRequest(in)) {
                for (int i = 0; i < bursts.size(); i++) {
                    if (i > 0) {
                        Thread.sleep(pause);
                    }
                    StringBuilder wire = new StringBuilder();
                    if (i == 0) {
                        wire.append("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n")
                                .append("Transfer-Encoding: chunked\r\n\r\n");
                    }
                    for (String content : bursts.get(i)) {
                        wire.append(chunk(event("{\"content\":\"" + content + "\"}", "null", "")));
                    }
                    if (i == bursts.size() - 1) {
                        wire.append(chunk(event("{}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":3,"
                                + "\"completion_tokens\":3,\"total_tokens\":6}")));
                        wire.append(chunk("data: [DONE]\n\n")).append("0\r\n\r\n");
                    }
                    writes.add(System.nanoTime());
                    out.write(wire.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server is closing
        }
    }

    private static String event(String delta, String finish, String usage) {
        return "data: {\"id\":\"burst\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]" + usage
                + "}\n\n";
    }

    private static String chunk(String data) {
        int length = data.getBytes(StandardCharsets.UTF_8).length;
        return Integer.toHexString(length) + "\r\n" + data + "\r\n";
    }

    /** Reads one request (head and Content-Length body); false at the end of the connection. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4; ) {
            if ((b = in.read()) < 0) {
                return false;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        in.skipNBytes(length);
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
