import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of a Java load client on this machine: the I/O Yardstick does for one streamed answer and nothing else.
 * Each connection sends the same keep-alive POST a benchmark sends, reads the chunked SSE body to its last chunk and
 * notes when the first and the last bytes came; no JSON, no statistics beyond those two times. Three I/O models:
 *
 * <ul>
 *   <li>{@code vt}: a virtual thread per connection reading a blocking socket (Yardstick's model: the JDK parks the
 *       thread on each read that would block and a poller unparks it when bytes come);</li>
 *   <li>{@code pt}: a platform thread per connection reading a blocking socket (the kernel blocks the thread);</li>
 *   <li>{@code nio}: one NIO selector loop per {@code --threads}, non-blocking channels (wrk's model).</li>
 * </ul>
 *
 * JVM flags (the scheduler's parallelism, the poller mode) are the caller's. Prints one line of key=value figures over
 * the measurement window (after --warmup): completed requests a second, the process's CPU µs per request (every
 * thread: carriers, pollers, GC, JIT), read calls per request and the TTFT and E2E percentiles in ms.
 *
 * <pre>java FloorClient.java --model vt|pt|nio --url http://127.0.0.1:PORT/v1/chat/completions
 *        [--connections 64] [--warmup 3] [--duration 10] [--threads 1] [--so-timeout 30000]</pre>
 *
 * <p>{@code --so-timeout} is the blocking models' socket read timeout in ms (0: none). Yardstick reads with one, and on
 * a virtual thread a read with a timeout is a timed park: each wait for bytes schedules a wake-up with the JDK's delay
 * scheduler and cancels it when the bytes come, which a read without one does not.
 */
public final class FloorClient {

    private static final String BODY = "{\"model\":\"loopback-model\",\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"one two three four five six seven eight nine ten eleven twelve\"}]}";

    private final String model;
    private final InetSocketAddress address;
    private final byte[] request;
    private final int connections;
    private final int threads;
    private final int soTimeout;
    private final long windowStart;
    private final long windowEnd;
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean stopped;

    private FloorClient(String model, URI uri, int connections, int threads, int soTimeout, double warmup,
                        double duration) {
        this.model = model;
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ':' + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer sk-loopback\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        this.connections = connections;
        this.threads = threads;
        this.soTimeout = soTimeout;
        long now = System.nanoTime();
        this.windowStart = now + (long) (warmup * 1e9);
        this.windowEnd = windowStart + (long) (duration * 1e9);
    }

    public static void main(String[] args) throws Exception {
        String model = "vt";
        URI uri = null;
        int connections = 64;
        int threads = 1;
        int soTimeout = 30_000;
        double warmup = 3;
        double duration = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = args[i + 1];
                case "--url" -> uri = URI.create(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--so-timeout" -> soTimeout = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--duration" -> duration = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (uri == null || !List.of("vt", "pt", "nio").contains(model)) {
            System.err.println("usage: FloorClient --model vt|pt|nio --url http://host:port/path [--connections N]"
                    + " [--warmup s] [--duration s] [--threads N] [--so-timeout ms]");
            System.exit(2);
        }
        new FloorClient(model, uri, connections, threads, soTimeout, warmup, duration).run();
        System.exit(0); // blocked readers of the other models need not be waited for
    }

    private void run() throws Exception {
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        if (model.equals("nio")) {
            for (int t = 0; t < threads; t++) {
                int share = connections / threads + (t < connections % threads ? 1 : 0);
                Recorder recorder = new Recorder();
                recorders.add(recorder);
                workers.add(Thread.ofPlatform().name("loop-" + t).start(() -> selectorLoop(share, recorder)));
            }
        } else {
            Thread.Builder builder = model.equals("vt") ? Thread.ofVirtual() : Thread.ofPlatform().stackSize(256 << 10);
            for (int c = 0; c < connections; c++) {
                Recorder recorder = new Recorder();
                recorders.add(recorder);
                workers.add(builder.start(() -> blockingConnection(recorder)));
            }
        }
        sleepUntil(windowStart);
        long cpuStart = processCpuNanos();
        sleepUntil(windowEnd);
        long cpuEnd = processCpuNanos();
        stopped = true;
        for (Thread worker : workers) {
            worker.join(2_000);
        }
        report(recorders, cpuEnd - cpuStart);
    }

    private void report(List<Recorder> recorders, long cpuNanos) {
        int n = 0;
        long reads = 0;
        for (Recorder r : recorders) {
            synchronized (r) {
                n += r.count;
                reads += r.reads;
            }
        }
        long[] ttft = new long[n];
        long[] e2e = new long[n];
        int at = 0;
        for (Recorder r : recorders) {
            synchronized (r) {
                System.arraycopy(r.ttft, 0, ttft, at, r.count);
                System.arraycopy(r.e2e, 0, e2e, at, r.count);
                at += r.count;
            }
        }
        Arrays.sort(ttft);
        Arrays.sort(e2e);
        double seconds = (windowEnd - windowStart) / 1e9;
        System.out.printf("requests=%d rate=%.1f cpu_us=%.1f reads=%.2f ttft_p50=%.3f ttft_p99=%.3f e2e_p50=%.3f"
                        + " e2e_p99=%.3f errors=%d%n", n, n / seconds, n == 0 ? 0 : cpuNanos / 1e3 / n,
                n == 0 ? 0 : (double) reads / n, ms(ttft, 0.50), ms(ttft, 0.99), ms(e2e, 0.50), ms(e2e, 0.99),
                errors.get());
    }

    /** Nearest-rank percentile in ms. */
    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** One keep-alive connection read on its own thread (virtual or platform), reconnecting after an error. */
    private void blockingConnection(Recorder recorder) {
        byte[] buffer = new byte[16 * 1024];
        Response response = new Response();
        while (!stopped) {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(address, 5_000);
                socket.setSoTimeout(soTimeout);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (!stopped) {
                    long start = System.nanoTime();
                    out.write(request);
                    response.reset();
                    long first = 0;
                    int reads = 0;
                    while (true) {
                        int n = in.read(buffer, 0, buffer.length);
                        if (n < 0) {
                            throw new EOFException("closed mid-response");
                        }
                        reads++;
                        if (first == 0) {
                            first = System.nanoTime();
                        }
                        if (response.feed(buffer, 0, n)) {
                            break;
                        }
                    }
                    recorder.record(start, first, System.nanoTime(), reads, windowStart, windowEnd);
                }
            } catch (IOException e) {
                if (!stopped) {
                    errors.incrementAndGet();
                }
            }
        }
    }

    /** One selector over its share of the connections: wrk's model, one thread reading whatever is ready. */
    private void selectorLoop(int count, Recorder recorder) {
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < count; c++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Connection connection = new Connection(channel);
                channel.register(selector, SelectionKey.OP_READ, connection);
                connection.send();
            }
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            byte[] array = buffer.array();
            while (!stopped) {
                selector.select(key -> {
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isWritable()) {
                            connection.flush(key);
                        }
                        if (!key.isReadable()) {
                            return;
                        }
                        buffer.clear();
                        int n = connection.channel.read(buffer);
                        if (n < 0) {
                            throw new EOFException("closed mid-response");
                        }
                        if (n == 0) {
                            return;
                        }
                        connection.reads++;
                        if (connection.first == 0) {
                            connection.first = System.nanoTime();
                        }
                        if (connection.response.feed(array, 0, n)) {
                            recorder.record(connection.start, connection.first, System.nanoTime(),
                                    connection.reads, windowStart, windowEnd);
                            connection.send();
                            if (connection.pending.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        key.cancel();
                        try {
                            connection.channel.close();
                        } catch (IOException ignored) {
                            // gone either way
                        }
                    }
                }, 100);
            }
        } catch (IOException e) {
            errors.incrementAndGet();
            System.err.println("selector loop: " + e);
        }
    }

    private final class Connection {
        final SocketChannel channel;
        final Response response = new Response();
        ByteBuffer pending = ByteBuffer.allocate(0);
        long start;
        long first;
        int reads;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void send() throws IOException {
            response.reset();
            first = 0;
            reads = 0;
            start = System.nanoTime();
            pending = ByteBuffer.wrap(request);
            channel.write(pending);
        }

        void flush(SelectionKey key) throws IOException {
            channel.write(pending);
            if (!pending.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }
    }

    /** The times of the requests that ended inside the window; guarded by its own monitor (read at the end). */
    private static final class Recorder {
        long[] ttft = new long[1024];
        long[] e2e = new long[1024];
        int count;
        long reads;

        synchronized void record(long start, long first, long end, int readCalls, long windowStart, long windowEnd) {
            if (end < windowStart || end > windowEnd) {
                return;
            }
            if (count == ttft.length) {
                ttft = Arrays.copyOf(ttft, count * 2);
                e2e = Arrays.copyOf(e2e, count * 2);
            }
            ttft[count] = first - start;
            e2e[count] = end - start;
            count++;
            reads += readCalls;
        }
    }

    /**
     * An HTTP/1.1 response head and chunked body, fed as bytes arrive; no header or body is kept. The head must be a
     * 200 with chunked transfer encoding (what an OpenAI-compatible server streams), else the exchange fails.
     */
    static final class Response {
        private static final int HEAD = 0, SIZE = 1, EXTENSION = 2, DATA = 3, DATA_END = 4, TRAILER = 5;
        private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
        private int state;
        private int headIndex; // bytes of the head seen, for the status code
        private int endMatch; // of "\r\n\r\n"
        private int chunkedMatch;
        private boolean chunked;
        private boolean ok;
        private long remaining;
        private int lineLength;

        void reset() {
            state = HEAD;
            headIndex = endMatch = chunkedMatch = lineLength = 0;
            chunked = ok = false;
            remaining = 0;
        }

        /** True when the response's last byte was in this slice (nothing follows it: no pipelining). */
        boolean feed(byte[] bytes, int offset, int length) throws IOException {
            int i = offset;
            int end = offset + length;
            while (i < end) {
                switch (state) {
                    case HEAD -> {
                        byte b = bytes[i++];
                        if (headIndex++ == 9) {
                            ok = b == '2';
                        }
                        if (!chunked) {
                            chunkedMatch = (b | 0x20) == CHUNKED[chunkedMatch] ? chunkedMatch + 1
                                    : (b | 0x20) == CHUNKED[0] ? 1 : 0;
                            chunked = chunkedMatch == CHUNKED.length;
                        }
                        endMatch = b == (endMatch % 2 == 0 ? '\r' : '\n') ? endMatch + 1 : b == '\r' ? 1 : 0;
                        if (endMatch == 4) {
                            if (!ok || !chunked) {
                                throw new IOException("not a chunked 200 response");
                            }
                            state = SIZE;
                        }
                    }
                    case SIZE -> {
                        byte b = bytes[i++];
                        int digit = Character.digit(b, 16);
                        if (digit >= 0) {
                            remaining = remaining * 16 + digit;
                        } else if (b == ';') {
                            state = EXTENSION;
                        } else if (b == '\n') {
                            state = chunkEnd();
                        }
                    }
                    case EXTENSION -> {
                        if (bytes[i++] == '\n') {
                            state = chunkEnd();
                        }
                    }
                    case DATA -> {
                        int n = (int) Math.min(remaining, end - i);
                        i += n;
                        remaining -= n;
                        if (remaining == 0) {
                            state = DATA_END;
                        }
                    }
                    case DATA_END -> {
                        if (bytes[i++] == '\n') {
                            state = SIZE;
                        }
                    }
                    case TRAILER -> {
                        byte b = bytes[i++];
                        if (b == '\n') {
                            if (lineLength == 0) {
                                return true;
                            }
                            lineLength = 0;
                        } else if (b != '\r') {
                            lineLength++;
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
            return false;
        }

        private int chunkEnd() {
            return remaining == 0 ? TRAILER : DATA;
        }
    }
}
