package dev.yardstick.provider.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plain-text transport's HTTP/1.1 on a raw loopback server: framing, keep-alive, the retry of a connection the
 * server had closed, and the headers it refuses to write. (Timeouts, truncation and cancellation are the client
 * suites', which run over this transport.)
 */
class SocketTransportTest {

    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** Serves each connection on its own thread: for each request read, writes what {@code answer} gives. */
    private URI serve(Function<Integer, String> answer, int requestsPerConnection) throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    int connection = accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            for (int i = 0; i < requestsPerConnection; i++) {
                                String head = readRequest(in);
                                if (head == null) {
                                    return;
                                }
                                requests.add(head);
                                out.write(answer.apply(connection).getBytes(StandardCharsets.UTF_8));
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions?x=1");
    }

    private static String readRequest(InputStream in) throws IOException {
        return ScriptedServer.readRequest(in);
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static HttpTransport.Request post(URI uri, Map<String, List<String>> headers) {
        return new HttpTransport.Request("POST", uri, headers, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] body(HttpTransport.Exchange exchange) throws IOException {
        try (exchange) {
            return exchange.body().readAllBytes();
        }
    }

    @Test
    void skipsInterimAnswersReadsChunksWithExtensionsAndTrailersAndReusesTheConnection() throws IOException {
        URI uri = serve(c -> "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                + "X-Request-Id: r1\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n", 2);
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            for (int i = 0; i < 2; i++) {
                HttpTransport.Exchange exchange = transport.send(post(uri, Map.of("Authorization", List.of("Bearer k"))));
                assertEquals(200, exchange.status());
                assertEquals(List.of("r1"), exchange.headers().get("x-request-id"));
                assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), body(exchange));
            }
        }
        assertEquals(1, accepted.get(), "the second request went over the pooled connection");
        String head = requests.get(0);
        assertTrue(head.startsWith("POST /v1/chat/completions?x=1 HTTP/1.1\r\nHost: 127.0.0.1:"), head);
        assertTrue(head.contains("Authorization: Bearer k\r\n") && head.contains("Content-Length: 7\r\n"), head);
    }

    @Test
    void aPooledConnectionTheServerClosedIsTriedOnceMoreOnAFreshOne() throws IOException {
        URI uri = serve(c -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 1); // then closes
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), body(transport.send(post(uri, Map.of()))));
            assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), body(transport.send(post(uri, Map.of()))));
        }
        assertEquals(2, accepted.get());
    }

    @Test
    void aBodyUntilTheConnectionEndsIsWholeAndAChunkedOneCutShortIsNot() throws IOException {
        URI closeDelimited = serve(c -> "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it", 1);
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertArrayEquals("all of it".getBytes(StandardCharsets.UTF_8),
                    body(transport.send(post(closeDelimited, Map.of()))));
        }
        server.close();
        URI cut = serve(c -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort", 1);
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            HttpTransport.Exchange exchange = transport.send(post(cut, Map.of()));
            assertThrows(EOFException.class, () -> body(exchange));
        }
    }

    @Test
    void aResponseThatIsNotHttpFailsAsAnIoError() throws IOException {
        URI uri = serve(c -> "SSH-2.0-OpenSSH\r\n\r\n", 1);
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            IOException error = assertThrows(IOException.class, () -> transport.send(post(uri, Map.of())));
            assertTrue(error.getMessage().contains("not an HTTP/1.1 response"), error.getMessage());
        }
    }

    @Test
    void aHeaderThatWouldSplitTheRequestIsRefusedBeforeAnythingIsSent() throws IOException {
        URI uri = serve(c -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 1);
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertThrows(IllegalArgumentException.class, () -> transport.send(post(uri,
                    Map.of("X-Team", List.of("a\r\nX-Injected: 1")))));
        }
        assertEquals(0, accepted.get());
    }

    /**
     * Answers each request on the connection with a chunked head, then writes {@code chunks} one-byte chunks
     * {@code gapMillis} apart, then the last chunk; with {@code stallAfter} chunks written it goes silent instead
     * (for five seconds, the connection open).
     */
    private URI trickle(int chunks, long gapMillis, int stallAfter) throws IOException {
        return serveSlowly(out -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < chunks; i++) {
                if (i == stallAfter) {
                    pause(5_000);
                    return;
                }
                pause(gapMillis);
                out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    private interface Answer {
        void write(OutputStream out) throws IOException;
    }

    private URI serveSlowly(Answer answer) throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            while (readRequest(in) != null) {
                                answer.write(out);
                            }
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aReadThatWaitsPastTheReadTimeoutFailsAsATimeoutAtTheLimitNotBeforeIt() throws Exception {
        URI uri = trickle(3, 0, 1);
        ReadDeadlines deadlines = new ReadDeadlines();
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofMillis(300), deadlines)) {
            HttpTransport.Exchange exchange = transport.send(post(uri, Map.of()));
            InputStream body = exchange.body();
            assertEquals('x', body.read());
            long waitFrom = System.nanoTime();
            Thread reader = Thread.currentThread();
            IOException error = assertThrows(IOException.class, body::read);
            long waitedMillis = (System.nanoTime() - waitFrom) / 1_000_000;

            assertInstanceOf(SocketTimeoutException.class, error, String.valueOf(error));
            assertTrue(waitedMillis >= 300, "timed out after " + waitedMillis + " ms, before the 300 ms limit");
            assertTrue(waitedMillis < 2_000, "timed out after " + waitedMillis + " ms");
            assertTrue(!reader.isInterrupted(), "a timeout is not an interrupt");
            exchange.close();
            assertEquals(0, deadlines.watched(), "a dropped connection is no longer watched");
        }
    }

    @Test
    void theReadTimeoutBoundsEachWaitForBytesNotTheWholeBodyAndIdleConnectionsAreNotWatched() throws Exception {
        URI uri = trickle(6, 120, -1); // 720 ms in all, 120 ms between chunks
        ReadDeadlines deadlines = new ReadDeadlines();
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), Duration.ofMillis(400), deadlines)) {
            for (int i = 0; i < 2; i++) {
                HttpTransport.Exchange exchange = transport.send(post(uri, Map.of()));
                assertEquals(1, deadlines.watched(), "the exchange's reads are watched");
                assertArrayEquals("xxxxxx".getBytes(StandardCharsets.US_ASCII), body(exchange));
                assertEquals(0, deadlines.watched(), "a pooled connection is not watched");
            }
        }
        assertEquals(1, accepted.get(), "the connection was reused: no read timed out");
    }

    @Test
    void withoutAReadTimeoutNothingIsWatched() throws Exception {
        URI uri = trickle(2, 50, -1);
        ReadDeadlines deadlines = new ReadDeadlines();
        try (SocketTransport transport = new SocketTransport(Duration.ofSeconds(2), null, deadlines)) {
            HttpTransport.Exchange exchange = transport.send(post(uri, Map.of()));
            assertEquals(0, deadlines.watched());
            assertArrayEquals("xx".getBytes(StandardCharsets.US_ASCII), body(exchange));
        }
    }
}
