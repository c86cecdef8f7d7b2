package dev.yardstick.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.yardstick.config.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A loopback HTTP server that speaks the chat wire protocols of OpenAI, Mistral, Anthropic, Ollama and Gemini at once,
 * each on its own paths, with scripted timing, usage and failures, and a record of what it received.
 *
 * <p>Every request runs on its own virtual thread, so hundreds of concurrent streams each keep their own accurate
 * delays. Which {@link Behavior} a chat request gets: the next one-shot behaviour from {@link #enqueue}, else the
 * {@link #script} for its index (if it returns non-null), else the server-wide {@link #behavior(Behavior)}.
 *
 * <pre>{@code
 * try (var server = LoopbackLlmServer.start()) {
 *     server.behavior(Behavior.DEFAULT.withTtft(Duration.ofMillis(100)).withTokens(5));
 *     var model = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl(Protocol.OPENAI)) ... ;
 * }
 * }</pre>
 */
public final class LoopbackLlmServer implements AutoCloseable {

    static {
        // Read once per JVM by the JDK server: without TCP_NODELAY small SSE frames can wait for delayed ACKs, and
        // the default of 200 idle connections is too few for a few hundred concurrent keep-alive clients.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        System.setProperty("sun.net.httpserver.maxIdleConnections",
                System.getProperty("sun.net.httpserver.maxIdleConnections", "4096"));
    }

    private static final String JSON = "application/json";

    private final HttpServer http;
    private final ExecutorService executor;
    private final Behavior initialBehavior;
    private final List<String> models;
    private final RequestLog log;
    private final AtomicLong chatRequests = new AtomicLong();
    private final AtomicLong probeRequests = new AtomicLong();
    private final ConcurrentLinkedQueue<Behavior> oneShots = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Lateness.Meter lateness = new Lateness.Meter();
    private volatile Behavior behavior;
    private volatile LongFunction<Behavior> script;

    private LoopbackLlmServer(Builder builder) {
        this.initialBehavior = builder.behavior;
        this.behavior = builder.behavior;
        this.models = List.copyOf(builder.models);
        this.log = new RequestLog(builder.recording, builder.recordLimit);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port),
                    builder.backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + builder.port, e);
        }
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** A server on a free port with the default behaviour and recording on. */
    public static LoopbackLlmServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The server root, {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The base URL a client of this protocol is configured with (e.g. {@code http://127.0.0.1:PORT/v1}). */
    public String baseUrl(Protocol protocol) {
        return baseUrl() + protocol.basePath();
    }

    /** Sets the server-wide behaviour. */
    public void behavior(Behavior value) {
        behavior = Objects.requireNonNull(value, "behavior");
    }

    public Behavior behavior() {
        return behavior;
    }

    /** Sets a per-request rule: request index (0-based) to behaviour, null for the server-wide one. */
    public void script(LongFunction<Behavior> value) {
        script = value;
    }

    /** Queues behaviours, each used by exactly one coming chat request, in order, before any script. */
    public void enqueue(Behavior... values) {
        for (Behavior value : values) {
            oneShots.add(Objects.requireNonNull(value, "behavior"));
        }
    }

    /** Turns recording on or off (the request count keeps counting either way). */
    public void recording(boolean on) {
        log.enabled(on);
    }

    public boolean recording() {
        return log.enabled();
    }

    /** The recorded chat requests, in arrival order (at most the record limit, the latest ones). */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** The recorded chat requests that used this protocol. */
    public List<RecordedRequest> requests(Protocol protocol) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : log.snapshot()) {
            if (request.protocol() == protocol) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** The latest recorded chat request; fails when none was recorded. */
    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = log.snapshot();
        if (all.isEmpty()) {
            throw new IllegalStateException("no request recorded");
        }
        return all.get(all.size() - 1);
    }

    /** Chat requests received since start or the last reset, recorded or not. */
    public long requestCount() {
        return chatRequests.get();
    }

    /** Model-list and root probes received since start or the last reset. */
    public long probeCount() {
        return probeRequests.get();
    }

    /**
     * How late the server woke for scheduled content chunks since start or the last reset: check it after a
     * benchmark to know the fixture kept time.
     */
    public Lateness lateness() {
        return lateness.snapshot();
    }

    /** Forgets recorded requests, counts, lateness, queued one-shots and the script; restores the builder's behaviour. */
    public void reset() {
        log.clear();
        chatRequests.set(0);
        probeRequests.set(0);
        lateness.reset();
        oneShots.clear();
        script = null;
        behavior = initialBehavior;
    }

    /** Stops at once: hanging and sleeping requests are released and their connections dropped. */
    @Override
    public void close() {
        closing.countDown();
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Behavior behaviorFor(long index) {
        Behavior oneShot = oneShots.poll();
        if (oneShot != null) {
            return oneShot;
        }
        LongFunction<Behavior> rule = script;
        Behavior scripted = rule == null ? null : rule.apply(index);
        return scripted != null ? scripted : behavior;
    }

    private final ChatCall.Context context = new ChatCall.Context() {
        @Override
        public long nextIndex() {
            return chatRequests.getAndIncrement();
        }

        @Override
        public Behavior behaviorFor(long index) {
            return LoopbackLlmServer.this.behaviorFor(index);
        }

        @Override
        public RequestLog log() {
            return log;
        }

        @Override
        public CountDownLatch closing() {
            return closing;
        }

        @Override
        public Lateness.Meter lateness() {
            return lateness;
        }
    };

    private void handle(HttpExchange exchange) throws IOException {
        long arrival = System.nanoTime();
        try {
            Route route = Route.of(exchange);
            switch (route.kind()) {
                case CHAT -> new ChatCall(exchange, route.protocol(), arrival).serve(context);
                case MODELS -> probe(exchange, route.protocol().wire().modelsBody(models), JSON);
                case ROOT -> probe(exchange, "Ollama is running", "text/plain; charset=utf-8");
                case NOT_FOUND -> Responder.immediate(exchange).send(404, JSON, Map.of(),
                        Json.write(Json.object().set("error", Json.object()
                                .put("message", "no loopback route for " + exchange.getRequestMethod() + " "
                                        + exchange.getRequestURI().getPath())
                                .put("type", "not_found_error"))));
            }
        } catch (InterruptedException e) {
            // The server is closing: drop the connection rather than finish the answer.
            throw new Responder.ConnectionDrop();
        }
    }

    private void probe(HttpExchange exchange, String body, String contentType) throws IOException {
        probeRequests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        Responder.immediate(exchange).send(200, contentType, Map.of(), body);
    }

    /** Builds and starts a server. */
    public static final class Builder {
        private int port;
        private int backlog = 1024;
        private Behavior behavior = Behavior.DEFAULT;
        private List<String> models = List.of("loopback-model");
        private boolean recording = true;
        private int recordLimit = 10_000;

        private Builder() {
        }

        /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** The TCP accept backlog (default 1024, enough for bursts of hundreds of connections). */
        public Builder backlog(int value) {
            backlog = value;
            return this;
        }

        public Builder behavior(Behavior value) {
            behavior = Objects.requireNonNull(value, "behavior");
            return this;
        }

        /** The model names the model-list endpoints return (default {@code loopback-model}). */
        public Builder models(String... names) {
            models = List.of(names);
            return this;
        }

        /** Whether requests are recorded (default on; turn off for long benchmarks). */
        public Builder recording(boolean value) {
            recording = value;
            return this;
        }

        /** At most this many recorded requests are kept, the latest ones (default 10,000). */
        public Builder recordLimit(int value) {
            recordLimit = value;
            return this;
        }

        public LoopbackLlmServer start() {
            return new LoopbackLlmServer(this);
        }
    }

    /**
     * Runs the server standalone as a benchmark target, recording off, until killed:
     * {@code --port N --ttft 0ms --itl 0ms --tokens 20 [--tokens-per-chunk 1] [--stall-every N --stall 1s]}.
     * Prints {@code listening http://127.0.0.1:PORT} once it accepts connections.
     */
    public static void main(String[] args) throws InterruptedException {
        LoopbackLlmServer server = startFromArgs(args);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("listening " + server.baseUrl());
        System.out.flush();
        server.closing.await();
    }

    /** Starts a server from command-line options (see {@link #main}); recording is off. */
    static LoopbackLlmServer startFromArgs(String... args) {
        Builder builder = builder().recording(false);
        Behavior.Builder behavior = Behavior.builder().outputTokens(20);
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[i + 1];
            switch (flag) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--ttft" -> behavior.ttft(Durations.parse(value));
                case "--itl" -> behavior.itl(Durations.parse(value));
                case "--tokens" -> behavior.outputTokens(Integer.parseInt(value));
                case "--tokens-per-chunk" -> behavior.tokensPerChunk(Integer.parseInt(value));
                case "--stall-every" -> behavior.stallEvery(Integer.parseInt(value));
                case "--stall" -> behavior.stall(Durations.parse(value));
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (expected --port, --ttft, --itl, --tokens, --tokens-per-chunk, --stall-every, --stall)");
            }
        }
        return builder.behavior(behavior.build()).start();
    }
}
