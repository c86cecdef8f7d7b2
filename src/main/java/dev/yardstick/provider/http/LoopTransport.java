package dev.yardstick.provider.http;

import dev.yardstick.provider.ReadTime;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plain-text HTTP/1.1 on non-blocking connections owned by the {@link EventLoop}, for streams whose body is pushed
 * to a decoder on the loop ({@link BodyDecoder#push()}): a keep-alive pool per host and port, a non-blocking connect
 * bounded by the connect timeout, one write per request, the response head parsed and chunked, length-delimited and
 * close-delimited bodies de-framed on the loop, and every body byte handed to the exchange's {@link Receiver} there.
 * The read timeout (the longest silence while waiting for the head or the next body bytes) is the loop's own
 * deadline, so a wait costs no timer of its own.
 *
 * <p>It keeps {@link SocketTransport}'s rules: TCP_NODELAY on, no proxy, no redirect, no {@code Expect}; a body cut
 * short is an {@link EOFException}; an exchange cancelled before its body ended drops its connection; a pooled
 * connection the server had closed (it ends or resets before any byte of the response) is tried once more on a fresh
 * one. Connections the server closes while idle in the pool leave it at once (the loop sees their end).
 */
final class LoopTransport implements AutoCloseable {

    /** How long a resolved address is reused before it is looked up again (the JDK's own positive cache is 30 s). */
    private static final long RESOLVED_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** The exchange's side: every call comes from the loop's thread, one at a time. */
    interface Receiver {

        /** The head of the final (non-1xx) response arrived. */
        void head(ResponseHead head);

        /**
         * Body bytes, valid only during the call.
         *
         * @return false to stop: the connection is dropped and the exchange ends
         */
        boolean body(byte[] bytes, int offset, int length);

        /**
         * The exchange is over; called once, last. {@code failure} is null when the body ended (or the receiver
         * stopped it), else why it could not go on: nothing of the response arrived when {@link #head} was not
         * called, else the body broke off.
         */
        void ended(IOException failure);
    }

    private final EventLoop[] loops;
    /** Spreads the calls over the loops, round robin. */
    private final AtomicInteger next = new AtomicInteger();
    private final long connectNanos;
    private final long readNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private volatile boolean closed;

    LoopTransport(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, EventLoop.shared());
    }

    LoopTransport(Duration connectTimeout, Duration readTimeout, EventLoop... loops) {
        this.loops = loops;
        this.connectNanos = nanos(connectTimeout);
        this.readNanos = nanos(readTimeout);
    }

    /** 0 is "no limit"; a positive duration under a nanosecond still limits. */
    private static long nanos(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        return Math.max(1, timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE / 4 : timeout.toNanos());
    }

    /**
     * Prepares one exchange on the calling thread (the request encoded, the host's address resolved); nothing is
     * sent before {@link Call#start()}.
     *
     * @throws IOException the client is closed or the host unknown: nothing was sent
     */
    Call call(HttpTransport.Request request, Receiver receiver) throws IOException {
        if (closed) {
            throw new IOException("the HTTP client is closed");
        }
        URI uri = request.uri();
        int port = SocketTransport.port(uri);
        String authority = uri.getHost() + ':' + port;
        byte[] wire = SocketTransport.encode(request, uri, authority);
        Host host = hosts.computeIfAbsent(authority, a -> new Host(uri.getHost(), port, loops.length));
        int loop = loops.length == 1 ? 0 : homeOrNext();
        return new Call(loops[loop], host.idle[loop], host.address(), wire, receiver);
    }

    /** The loop carrying the calling thread (its connection then needs no hand-off), else the next in turn. */
    private int homeOrNext() {
        EventLoop home = LoopCarriers.home();
        for (int i = 0; i < loops.length; i++) {
            if (loops[i] == home) {
                return i;
            }
        }
        return Math.floorMod(next.getAndIncrement(), loops.length);
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < loops.length; i++) {
            int loop = i;
            loops[i].execute(() -> hosts.values().forEach(host -> {
                for (Connection c; (c = host.idle[loop].poll()) != null; ) {
                    c.close();
                }
            }));
        }
    }

    /** One host and port: its idle connections, per loop (each touched on its loop only), and its address. */
    private static final class Host {

        private final String name;
        private final int port;
        private final ArrayDeque<Connection>[] idle;
        private volatile InetSocketAddress address;
        private volatile long resolvedAt;

        @SuppressWarnings("unchecked")
        Host(String name, int port, int loops) {
            this.name = name;
            this.port = port;
            this.idle = new ArrayDeque[loops];
            for (int i = 0; i < loops; i++) {
                idle[i] = new ArrayDeque<>();
            }
        }

        /** Looked up on the caller's thread: a name lookup blocks, and must never block the loop. */
        InetSocketAddress address() throws UnknownHostException {
            InetSocketAddress known = address;
            long now = System.nanoTime();
            if (known != null && now - resolvedAt < RESOLVED_NANOS) {
                return known;
            }
            InetSocketAddress resolved = new InetSocketAddress(name, port);
            if (resolved.isUnresolved()) {
                throw new UnknownHostException(name);
            }
            resolvedAt = now;
            address = resolved;
            return resolved;
        }
    }

    /** One request and its response. Made on the caller's thread; runs on the loop from {@link #start()}. */
    final class Call {

        private final EventLoop loop;
        /** The idle connections of the call's host on the call's loop. */
        private final ArrayDeque<Connection> idle;
        private final InetSocketAddress address;
        private final byte[] wire;
        private final Receiver receiver;
        private volatile boolean cancelled;
        /** Loop only: the receiver was told the end. */
        private boolean over;
        private Connection connection;

        private Call(EventLoop loop, ArrayDeque<Connection> idle, InetSocketAddress address, byte[] wire,
                     Receiver receiver) {
            this.loop = loop;
            this.idle = idle;
            this.address = address;
            this.wire = wire;
            this.receiver = receiver;
        }

        void start() {
            loop.execute(this::begin);
        }

        /**
         * Ends the exchange from any thread: its connection is dropped and the receiver hears {@code ended} with a
         * failure, unless it had already ended. Bytes being handed over when it is called may still arrive.
         */
        void cancel() {
            cancelled = true;
            loop.execute(() -> {
                if (!over) {
                    if (connection != null) {
                        connection.close();
                    }
                    end(new InterruptedIOException("exchange cancelled"));
                }
            });
        }

        private void begin() {
            if (cancelled) {
                end(new InterruptedIOException("exchange cancelled before it was sent"));
            } else if (closed) {
                end(new IOException("the HTTP client is closed"));
            } else {
                Connection pooled = idle.pollFirst();
                if (pooled != null) {
                    pooled.send(this, true);
                } else {
                    connect();
                }
            }
        }

        private void connect() {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection fresh = new Connection(loop, idle, channel);
                if (channel.connect(address)) {
                    fresh.register(0);
                    fresh.send(this, false);
                } else {
                    fresh.register(SelectionKey.OP_CONNECT);
                    fresh.connecting(this);
                }
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // failed either way
                    }
                }
                end(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            }
        }

        private void end(IOException failure) {
            if (!over) {
                over = true;
                connection = null;
                receiver.ended(failure);
            }
        }
    }

    private enum State { CONNECTING, SENDING, HEAD, LENGTH, UNTIL_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS,
        IDLE, CLOSED }

    /** One non-blocking connection and where its exchange stands. Loop only. */
    private final class Connection implements EventLoop.Channel {

        private final EventLoop loop;
        private final ArrayDeque<Connection> idle;
        private final SocketChannel channel;
        private SelectionKey key;
        private State state = State.CONNECTING;
        private Call call;
        private boolean reused;
        /** A byte of the response arrived: a failure now is not a stale pooled connection. */
        private boolean responded;
        private ByteBuffer out;
        private ResponseHead head;
        private long remaining;
        /** A head or framing line split across reads. */
        private StringBuilder partial;
        private long deadline;
        private boolean timed;
        private int position;
        private int limit;

        Connection(EventLoop loop, ArrayDeque<Connection> idle, SocketChannel channel) {
            this.loop = loop;
            this.idle = idle;
            this.channel = channel;
        }

        void register(int ops) throws IOException {
            key = loop.register(channel, ops, this);
        }

        void connecting(Call call) {
            attach(call, false);
            state = State.CONNECTING;
            deadline = due(connectNanos);
        }

        void send(Call call, boolean pooled) {
            attach(call, pooled);
            state = State.SENDING;
            deadline = 0; // a write is not bounded by the read timeout, as on a blocking socket
            out = ByteBuffer.wrap(call.wire);
            write();
        }

        private void attach(Call call, boolean pooled) {
            this.call = call;
            call.connection = this;
            reused = pooled;
            responded = false;
            head = null;
            partial = null;
            if (!timed && (connectNanos > 0 || readNanos > 0)) {
                timed = true;
                loop.time(this, tickNanos());
            }
        }

        private long due(long nanos) {
            if (nanos == 0) {
                return 0;
            }
            long due = System.nanoTime() + nanos;
            return due == 0 ? 1 : due;
        }

        @Override
        public void ready(int ops) {
            if (state == State.CONNECTING) {
                if ((ops & SelectionKey.OP_CONNECT) != 0) {
                    try {
                        channel.finishConnect();
                    } catch (IOException e) {
                        fail(e);
                        return;
                    }
                    send(call, false);
                }
                return;
            }
            if (state == State.SENDING && (ops & SelectionKey.OP_WRITE) != 0) {
                write();
            } else if ((ops & SelectionKey.OP_READ) != 0) {
                read();
            }
        }

        private void write() {
            try {
                channel.write(out);
            } catch (IOException e) {
                fail(e);
                return;
            }
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            out = null;
            state = State.HEAD;
            deadline = due(readNanos);
            key.interestOps(SelectionKey.OP_READ);
        }

        private void read() {
            if (state == State.IDLE) {
                // A pooled connection the server closed (or wrote to unasked): no longer fit for a request.
                idle.remove(this);
                close();
                return;
            }
            byte[] buffer = loop.readBuffer();
            ByteBuffer in = ByteBuffer.wrap(buffer);
            while (true) {
                int n;
                try {
                    n = channel.read(in.clear());
                } catch (IOException e) {
                    fail(e);
                    return;
                }
                ReadTime.stamp(); // these bytes were in hand now, however long decoding them takes
                if (n < 0) {
                    ended();
                    return;
                }
                if (n == 0) {
                    return;
                }
                responded = true;
                deadline = due(readNanos);
                position = 0;
                limit = n;
                try {
                    if (!parse(buffer)) {
                        return; // the exchange ended or stopped
                    }
                } catch (IOException e) {
                    fail(e);
                    return;
                }
                if (n < buffer.length) {
                    return; // the socket had no more for now
                }
            }
        }

        /** @return true while the exchange goes on (every byte read was used) */
        private boolean parse(byte[] buffer) throws IOException {
            while (position < limit) {
                switch (state) {
                    case HEAD -> {
                        String line = line(buffer);
                        if (line == null) {
                            return true;
                        }
                        if (head == null) {
                            head = new ResponseHead(line);
                        } else if (!line.isEmpty()) {
                            head.header(line);
                        } else if (head.informational()) {
                            head = null; // 1xx informational answers precede the real one
                        } else if (!opened()) {
                            return false;
                        }
                    }
                    case LENGTH, UNTIL_CLOSE, CHUNK_DATA -> {
                        int n = (int) Math.min(limit - position, remaining);
                        int at = position;
                        position += n;
                        if (state != State.UNTIL_CLOSE) {
                            remaining -= n;
                        }
                        if (!call.receiver.body(buffer, at, n) || call.cancelled) {
                            stop();
                            return false;
                        }
                        if (remaining == 0) {
                            if (state == State.LENGTH) {
                                return finished(true);
                            }
                            state = State.CHUNK_END;
                        }
                    }
                    case CHUNK_END, CHUNK_SIZE, TRAILERS -> {
                        String line = line(buffer);
                        if (line == null) {
                            return true;
                        }
                        if (state == State.CHUNK_END) {
                            state = State.CHUNK_SIZE; // the CRLF after each chunk
                        } else if (state == State.CHUNK_SIZE) {
                            remaining = ResponseHead.chunkSize(line);
                            state = remaining > 0 ? State.CHUNK_DATA : State.TRAILERS;
                        } else if (line.isEmpty()) {
                            return finished(true); // trailers are not used
                        }
                    }
                    default -> throw new IOException("bytes while " + state.name().toLowerCase());
                }
            }
            return true;
        }

        /** The head ended: tells the receiver and sets how the body is read; false when the exchange ended. */
        private boolean opened() throws IOException {
            head.framed();
            call.receiver.head(head);
            if (call.cancelled) {
                stop();
                return false;
            }
            remaining = head.length;
            if (head.chunked) {
                state = State.CHUNK_SIZE;
            } else if (remaining == ResponseHead.UNTIL_CLOSE) {
                state = State.UNTIL_CLOSE;
            } else if (remaining == 0) {
                return finished(true);
            } else {
                state = State.LENGTH;
            }
            return true;
        }

        /** One line of the head or of the chunk framing, without its CRLF; null until it has ended. */
        private String line(byte[] buffer) throws IOException {
            int start = position;
            int end = SseFrames.indexOfNewline(buffer, start, limit);
            if (end < 0) {
                position = limit;
                partial = partial == null ? new StringBuilder() : partial;
                partial.append(new String(buffer, start, limit - start, StandardCharsets.ISO_8859_1));
                if (partial.length() > ResponseHead.MAX_HEAD_LINE) {
                    throw new IOException("a response head line longer than " + ResponseHead.MAX_HEAD_LINE
                            + " bytes");
                }
                return null;
            }
            position = end + 1;
            if (partial == null) {
                return new String(buffer, start, end > start && buffer[end - 1] == '\r' ? end - start - 1
                        : end - start, StandardCharsets.ISO_8859_1);
            }
            partial.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
            int n = partial.length();
            String line = n > 0 && partial.charAt(n - 1) == '\r' ? partial.substring(0, n - 1) : partial.toString();
            partial = null;
            return line;
        }

        /** The connection's end came. */
        private void ended() {
            switch (state) {
                case UNTIL_CLOSE -> finished(false); // a body delimited by the end of the connection (RFC 9112 §6.3)
                case TRAILERS -> finished(false);
                case HEAD -> fail(new EOFException(responded ? "connection closed before the response head ended"
                        : "connection closed before the status line"));
                default -> fail(new EOFException("connection closed before the response ended"));
            }
        }

        /** The response ended: the connection goes back to the pool if it may, then the receiver hears it. */
        private boolean finished(boolean reusable) {
            Call done = call;
            if (reusable && head.reusable && position == limit && !closed && !done.cancelled) {
                release();
                state = State.IDLE;
                key.interestOps(SelectionKey.OP_READ);
                idle.addFirst(this);
            } else {
                close();
            }
            done.end(null);
            return false;
        }

        /** The receiver stopped or the caller cancelled: the rest of the body is not read. */
        private void stop() {
            Call done = call;
            close();
            done.end(done.cancelled ? new InterruptedIOException("exchange cancelled") : null);
        }

        private void fail(IOException failure) {
            Call failed = call;
            boolean stale = reused && !responded && !(failure instanceof InterruptedIOException)
                    && (state == State.SENDING || state == State.HEAD);
            close();
            if (failed == null) {
                return;
            }
            if (stale && !failed.cancelled && !closed) {
                failed.connect(); // the server closed it while it was idle: once more, on a fresh connection
            } else {
                failed.end(failure);
            }
        }

        @Override
        public void tick(long now) {
            if (deadline != 0 && now - deadline >= 0) {
                fail(new SocketTimeoutException(state == State.CONNECTING ? "Connect timed out" : "Read timed out"));
            }
        }

        @Override
        public long tickNanos() {
            return ReadDeadlines.tickFor(Math.min(connectNanos == 0 ? Long.MAX_VALUE : connectNanos,
                    readNanos == 0 ? Long.MAX_VALUE : readNanos));
        }

        @Override
        public void crashed(Throwable failure) {
            fail(new IOException("the client failed while reading: " + failure, failure));
        }

        /** No exchange on it any more: its deadline is no longer checked. */
        private void release() {
            call = null;
            deadline = 0;
            if (timed) {
                timed = false;
                loop.untime(this);
            }
        }

        void close() {
            release();
            state = State.CLOSED;
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                // closed either way
            }
        }
    }
}
