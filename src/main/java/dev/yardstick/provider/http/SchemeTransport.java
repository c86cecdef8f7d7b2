package dev.yardstick.provider.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The client's default engine: a streamed {@code http://} body that its decoder can take pushed goes over the event
 * loop ({@link LoopTransport}), every other {@code http://} exchange over {@link SocketTransport}, and {@code https://}
 * over Helidon's WebClient ({@link HelidonTransport}), which is built on the first https request, so a run against
 * plain-text endpoints never loads it. The loop costs less CPU per request than a virtual thread per stream, and
 * with the workers it carries ({@link LoopCarriers}) it drives a fast target at 1.6 times the rate (bench/README.md).
 * The system property {@value #PLAIN_PROPERTY} set to {@code socket} reads those streams on the caller's thread over
 * blocking sockets instead, as before.
 */
final class SchemeTransport implements HttpTransport {

    /** {@code loop} (the default) or {@code socket}: which engine carries pushed {@code http://} streams. */
    static final String PLAIN_PROPERTY = "yardstick.http.streams";

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SocketTransport plain;
    private final boolean eventLoop;
    private volatile LoopTransport loop;
    private HelidonTransport tls;
    private boolean closed;

    SchemeTransport(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, !"socket".equalsIgnoreCase(System.getProperty(PLAIN_PROPERTY, "loop")));
    }

    SchemeTransport(Duration connectTimeout, Duration readTimeout, boolean eventLoop) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.plain = new SocketTransport(connectTimeout, readTimeout);
        this.eventLoop = eventLoop;
    }

    /** Whether pushed streams to {@code uri} go over the event loop. */
    boolean loops(URI uri) {
        return eventLoop && "http".equalsIgnoreCase(uri.getScheme());
    }

    /** The event loop's transport for a pushed stream of this request, or null when it goes over a socket. */
    LoopTransport loop(Request request) {
        if (!loops(request.uri())) {
            return null;
        }
        LoopTransport made = loop;
        if (made == null) {
            synchronized (this) {
                if (loop == null) {
                    loop = new LoopTransport(connectTimeout, readTimeout);
                }
                made = loop;
            }
        }
        return made;
    }

    @Override
    public Exchange send(Request request) throws IOException {
        return "http".equalsIgnoreCase(request.uri().getScheme()) ? plain.send(request) : tls().send(request);
    }

    private synchronized HelidonTransport tls() throws IOException {
        if (closed) {
            throw new IOException("the HTTP client is closed");
        }
        if (tls == null) {
            tls = new HelidonTransport(connectTimeout, readTimeout);
        }
        return tls;
    }

    @Override
    public synchronized void close() {
        closed = true;
        plain.close();
        if (loop != null) {
            loop.close();
        }
        if (tls != null) {
            tls.close();
        }
    }
}
