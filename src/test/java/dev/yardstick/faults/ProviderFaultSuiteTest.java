package dev.yardstick.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.cli.CliRun;
import dev.yardstick.testing.FaultServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.WireBytes;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Provider faults, one class per case, over the OpenAI and Anthropic wires, each through the real {@code yardstick
 * benchmark} (real langchain4j clients over our HTTP client) against a raw-socket loopback server. Every run sends
 * four requests at once cycling two prompts: the "good" one gets a well-formed three-chunk answer, the "FAULT" one
 * the fault. Each case asserts the error class of the faulty half, that the good half stayed exact (two successes,
 * six reported output tokens), the exit code, and that the run ended within its timeout. Faults that act before the
 * request is read (refused, close on accept) hit every request, and those runs must exit 3.
 */
class ProviderFaultSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("LOOPBACK_KEY", "sk-fault-suite-0123456789");
    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    /** 200k one-byte HTTP chunks take a couple of seconds to read on a busy machine: that case gets longer. */
    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(10);
    /** JVM, report and scheduling overhead of one in-process run on a busy machine, beyond its timeout. */
    private static final Duration SLACK = Duration.ofSeconds(4);
    private static final String[] TOKENS = {"tok1", " tok2", " tok3"};
    private static final String JSON_TYPE = "application/json";

    private static FaultServer server;
    private static int refusedPort;
    private static Path config;
    private static Path prompts;

    @TempDir
    static Path dir;

    /** A fault case: which requests it hits, and what it must produce. */
    record Case(String name, Fault fault, String errorClass, boolean everyRequest, Duration timeout) {
        Case(String name, Fault fault, String errorClass, boolean everyRequest) {
            this(name, fault, errorClass, everyRequest, TIMEOUT);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = FaultServer.start(c -> c.close());
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = free.getLocalPort(); // closed again at once: connecting to it is refused
        }
        config = dir.resolve("yardstick.yaml");
        Files.writeString(config, "endpoints:\n"
                + endpoint("fault-openai", "openai", server.baseUrl())
                + endpoint("fault-anthropic", "anthropic", server.baseUrl())
                + endpoint("refused-openai", "openai", "http://127.0.0.1:" + refusedPort)
                + endpoint("refused-anthropic", "anthropic", "http://127.0.0.1:" + refusedPort));
        prompts = dir.resolve("prompts.yaml");
        Files.writeString(prompts, "prompts:\n  - id: good\n    prompt: a good question\n"
                + "  - id: fault\n    prompt: a FAULT question\n");
        // Load the client path once, so the first case's good requests are not slowed by class loading.
        server.handler(goodOr((c, a) -> c.head(200, a.contentType()).write(a.stream())));
        benchmark("fault-openai/m", TIMEOUT);
        benchmark("fault-anthropic/m", TIMEOUT);
    }

    private static String endpoint(String name, String protocol, String url) {
        return "  " + name + ": {provider: " + protocol + ", base-url: '" + url + "/v1', api-key-env: LOOPBACK_KEY}\n";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Serves the good prompt a good answer and the FAULT prompt the fault. */
    private static FaultServer.Handler goodOr(Fault fault) {
        return c -> {
            c.readRequest();
            WireBytes answer = WireBytes.answer(c.protocol(), TOKENS);
            if (c.body().contains("FAULT")) {
                fault.serve(c, answer);
            } else {
                c.head(200, answer.contentType()).write(answer.stream());
            }
        };
    }

    private static CliRun benchmark(String model, Duration timeout) {
        return CliRun.of(ENV, null, "benchmark", "--config", config.toString(), "-m", model, "--prompts",
                prompts.toString(), "--requests", "4", "--concurrency", "4", "--warmup", "0", "--timeout",
                timeout.toMillis() + "ms", "--format", "json");
    }

    private static CliRun compare(String model, Duration timeout) {
        return CliRun.of(ENV, null, "compare", "--config", config.toString(), "-m", model, "--prompts",
                prompts.toString(), "--repeat", "2", "--concurrency", "4", "--timeout", timeout.toMillis() + "ms",
                "--format", "json");
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Protocol protocol : List.of(Protocol.OPENAI, Protocol.ANTHROPIC)) {
            for (Case c : faults(protocol)) {
                all.add(Arguments.of(protocol, c));
            }
        }
        return all.stream();
    }

    private static List<Case> faults(Protocol protocol) {
        List<Case> cases = new ArrayList<>();
        for (int status : new int[] {500, 502, 503, 529}) {
            cases.add(new Case("HTTP " + status, (c, a) -> c.fixed(status, JSON_TYPE, a.errorBody(status, "down")),
                    "http-5xx", false));
            cases.add(new Case("HTTP " + status + " with Retry-After", (c, a) ->
                    c.fixed(status, JSON_TYPE, a.errorBody(status, "down"), "Retry-After: 7"), "http-5xx", false));
        }
        // The client's own mistakes and refusals: every other 4xx is http-4xx, never "other" and never retried.
        for (int status : new int[] {400, 401, 403, 404, 408, 413, 422}) {
            cases.add(new Case("HTTP " + status, (c, a) -> c.fixed(status, JSON_TYPE, a.errorBody(status, "refused")),
                    "http-4xx", false));
        }
        cases.add(new Case("HTTP 429", (c, a) -> c.fixed(429, JSON_TYPE, a.errorBody(429, "slow down")),
                "rate-limited", false));
        cases.add(new Case("HTTP 429 with Retry-After", (c, a) ->
                c.fixed(429, JSON_TYPE, a.errorBody(429, "slow down"), "Retry-After: 2"), "rate-limited", false));
        cases.add(new Case("connection refused", null, "connection", true));
        cases.add(new Case("close on accept", null, "connection", true));
        cases.add(new Case("reset before headers", (c, a) -> c.reset(), "connection", false));
        cases.add(new Case("closed before headers", (c, a) -> c.close(), "connection", false));
        cases.add(new Case("reset mid-stream", (c, a) -> {
            c.head(200, a.contentType()).write(a.head() + a.chunkFrames().get(0));
            Thread.sleep(50);
            c.reset();
        }, "malformed-stream", false));
        cases.add(new Case("headers then silence", (c, a) -> {
            c.head(200, a.contentType());
            c.silence();
        }, "timeout", false));
        cases.add(new Case("silence between chunks", (c, a) -> {
            c.head(200, a.contentType()).write(a.head() + a.chunkFrames().get(0));
            c.silence();
        }, "timeout", false));
        cases.add(new Case("a trickle past the timeout", (c, a) -> {
            c.head(200, a.contentType());
            c.dribble(a.stream(), 1, Duration.ofMillis(40));
        }, "timeout", false));
        cases.add(new Case("truncated chunked encoding", (c, a) -> {
            c.head(200, a.contentType(), "Transfer-Encoding: chunked");
            c.chunk(a.head()).chunk(a.chunkFrames().get(0)).flush();
            c.write("ff\r\ndata: {\"cut");
            c.close();
        }, "malformed-stream", false));
        cases.add(new Case("close-delimited cut mid-line", (c, a) -> {
            String frame = a.chunkFrames().get(1);
            c.head(200, a.contentType()).write(a.head() + a.chunkFrames().get(0) + frame.substring(0, 15));
            c.close();
        }, "malformed-stream", false));
        cases.add(new Case("malformed SSE", (c, a) ->
                c.head(200, a.contentType()).write("dta {\"oops\": true}\nevent message\n\nretry\n\n"),
                "malformed-stream", false));
        cases.add(new Case("non-JSON data", (c, a) ->
                c.head(200, a.contentType()).write(a.head() + "data: this is not json\n\n" + a.tail()),
                "malformed-stream", false));
        cases.add(new Case("HTML 200", (c, a) -> c.fixed(200, "text/html",
                "<!DOCTYPE html>\n<html><body><h1>Welcome to nginx!</h1></body></html>\n"), "malformed-stream", false));
        cases.add(new Case("error object in a 200", (c, a) ->
                c.fixed(200, JSON_TYPE, a.errorBody(500, "upstream failed")), "malformed-stream", false));
        cases.add(new Case("empty 200", (c, a) -> c.fixed(200, a.contentType(), ""), "malformed-stream", false));
        cases.add(new Case("usage only", (c, a) -> c.head(200, a.contentType()).write(usageOnly(c.protocol())),
                "malformed-stream", false));
        cases.add(new Case("error event mid-stream", (c, a) ->
                c.head(200, a.contentType()).write(a.head() + a.chunkFrames().get(0) + errorEvent(c.protocol())),
                "malformed-stream", false));
        cases.add(new Case("no terminal event", (c, a) ->
                c.head(200, a.contentType()).write(a.head() + a.chunks()), "malformed-stream", false));
        cases.add(new Case("keep-alives only", (c, a) ->
                c.head(200, a.contentType()).write(a.keepAlive().repeat(3)), "malformed-stream", false));
        cases.add(new Case("non-streamed completion", (c, a) -> c.fixed(200, JSON_TYPE, a.completeBody()),
                "malformed-stream", false));
        cases.add(new Case("a huge line", (c, a) -> {
            c.head(200, a.contentType()).write("data: ");
            c.writeUntilGone("x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII), 64L << 20);
        }, "malformed-stream", false));
        cases.add(new Case("a huge error body", (c, a) -> {
            c.head(500, "text/html");
            c.writeUntilGone("<p>error</p>".repeat(8 * 1024).getBytes(StandardCharsets.US_ASCII), 64L << 20);
        }, "http-5xx", false));
        cases.add(new Case("200k tiny chunks", (c, a) -> {
            c.head(200, a.contentType(), "Transfer-Encoding: chunked");
            c.write(tinyChunks(a.stream(), 200_000));
        }, null, false, LONG_TIMEOUT));
        cases.add(new Case("every byte its own write, with keep-alives", (c, a) -> {
            c.head(200, a.contentType());
            c.dribble(a.keepAlive() + a.head() + a.keepAlive() + a.chunks() + a.keepAlive() + a.tail(), 1,
                    Duration.ZERO);
        }, null, false));
        return cases;
    }

    /** The body cut into HTTP chunks of one byte each, padded with keep-alive comments to {@code count} chunks. */
    private static byte[] tinyChunks(String stream, int count) {
        byte[] body = stream.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 6);
        byte[] padding = ":\n".getBytes(StandardCharsets.US_ASCII);
        int pad = Math.max(0, count / 2 - body.length / 2);
        for (int i = 0; i < pad; i++) {
            for (byte b : padding) {
                out.write('1');
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.write(b);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        for (byte b : body) {
            out.write('1');
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String usageOnly(Protocol protocol) {
        return protocol == Protocol.ANTHROPIC
                ? "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
                        + "\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"usage\":"
                        + "{\"input_tokens\":5,\"output_tokens\":1}}}\n\n"
                        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{},\"usage\":"
                        + "{\"output_tokens\":3}}\n\n"
                : "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,"
                        + "\"total_tokens\":8}}\n\ndata: [DONE]\n\n";
    }

    private static String errorEvent(Protocol protocol) {
        return protocol == Protocol.ANTHROPIC
                ? "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"}}\n\n"
                : "data: {\"error\":{\"message\":\"The server had an error while streaming\",\"type\":"
                        + "\"server_error\"}}\n\n";
    }

    /** Points the server at the case and names the model whose endpoint the case needs. */
    private static String arrange(Protocol protocol, Case fault) {
        server.handler(fault.name().equals("close on accept") ? FaultServer.Connection::close
                : fault.fault() == null ? c -> { } : goodOr(fault.fault()));
        return (fault.name().equals("connection refused") ? "refused-" : "fault-")
                + protocol.name().toLowerCase(Locale.ROOT) + "/m";
    }

    @ParameterizedTest(name = "benchmark, {0}: {1}")
    @MethodSource("cases")
    void eachFaultIsClassedAndTheGoodAnswersStayExact(Protocol protocol, Case fault) throws Exception {
        CliRun run = runBounded(protocol, fault, ProviderFaultSuiteTest::benchmark);
        String context = context(protocol, fault, run);
        JsonNode report = JSON.readTree(run.out());
        assertCounts(fault, report.at("/steps/0/models/0"), context);
        if (fault.everyRequest()) {
            assertTrue(report.get("notes").toString().contains("Every request failed; the first: "
                    + fault.errorClass() + ": "), context + ": the report says why: " + report.get("notes"));
        }
        assertFalse(run.out().contains("sk-fault-suite") || run.err().contains("sk-fault-suite"), "key leaked");
    }

    /** compare runs the same cases through its own command path and must agree, class by class. */
    @ParameterizedTest(name = "compare, {0}: {1}")
    @MethodSource("cases")
    void compareClassesEachFaultTheSameWay(Protocol protocol, Case fault) throws Exception {
        if (fault.timeout().compareTo(TIMEOUT) > 0 || "timeout".equals(fault.errorClass())) {
            return; // slow cases that prove the client, not the command: the benchmark runs them once
        }
        CliRun run = runBounded(protocol, fault, ProviderFaultSuiteTest::compare);
        String context = context(protocol, fault, run);
        JsonNode report = JSON.readTree(run.out());
        assertCounts(fault, report.at("/summary/0/stats"), context);
        for (JsonNode sample : report.get("samples")) {
            JsonNode error = sample.get("error");
            if (error != null && !error.isNull() && "malformed-stream".equals(fault.errorClass())) {
                String message = error.get("message").asText();
                assertTrue(message.contains("the response began") || message.contains("the response body was empty"),
                        context + ": a malformed stream shows what arrived: " + message);
            }
        }
    }

    /** The content-free and incomplete 200s of issue 8, one per request: a run of only those has no result. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Protocol.class, names = {"OPENAI", "ANTHROPIC"})
    void aRunOfOnlyContentFreeOrIncompleteAnswersExitsThree(Protocol protocol) throws Exception {
        List<String> kinds = List.of("HTML 200", "error object in a 200", "empty 200", "usage only",
                "error event mid-stream", "no terminal event", "non-streamed completion");
        List<Fault> faults = faults(protocol).stream().filter(c -> kinds.contains(c.name())).map(Case::fault)
                .toList();
        assertEquals(kinds.size(), faults.size());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        server.handler(c -> {
            c.readRequest();
            faults.get(next.getAndIncrement() % faults.size()).serve(c, WireBytes.answer(c.protocol(), TOKENS));
        });

        CliRun run = CliRun.of(ENV, null, "benchmark", "--config", config.toString(), "-m",
                "fault-" + protocol.name().toLowerCase(Locale.ROOT) + "/m", "--requests", "14", "--concurrency", "7",
                "--warmup", "0", "--input-tokens", "16", "--timeout", TIMEOUT.toMillis() + "ms", "--format", "json");

        assertEquals(3, run.exitCode(), run.err());
        JsonNode requests = JSON.readTree(run.out()).at("/steps/0/models/0/requests");
        assertEquals(0, requests.get("succeeded").asInt(), requests.toString());
        assertEquals(Map.of("malformed-stream", 14), JSON.convertValue(requests.get("errors"), Map.class));
        assertTrue(run.err().contains("every request failed"), run.err());
    }

    /** A complete answer with no text is a success, flagged where a reader sees it. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Protocol.class, names = {"OPENAI", "ANTHROPIC"})
    void anEmptyAnswerWithItsStopReasonSucceedsFlagged(Protocol protocol) throws Exception {
        String model = arrange(protocol, new Case("empty answer", (c, a) -> {
            WireBytes empty = WireBytes.answer(c.protocol());
            c.head(200, empty.contentType()).write(empty.stream());
        }, null, false));

        CliRun compared = compare(model, TIMEOUT);
        CliRun benchmarked = benchmark(model, TIMEOUT);

        assertEquals(0, compared.exitCode(), compared.err());
        JsonNode report = JSON.readTree(compared.out());
        assertEquals(4, report.at("/summary/0/stats/requests/succeeded").asInt(), report.at("/summary/0").toString());
        int flagged = 0;
        for (JsonNode sample : report.get("samples")) {
            boolean empty = sample.get("text").asText().isEmpty();
            assertEquals(empty, sample.has("flags") && sample.get("flags").toString().contains("empty-answer"),
                    sample.toString());
            flagged += empty ? 1 : 0;
        }
        assertEquals(2, flagged);
        assertEquals(0, benchmarked.exitCode(), benchmarked.err());
        assertTrue(JSON.readTree(benchmarked.out()).get("notes").toString().contains("2 answer(s) were empty"),
                benchmarked.out());
    }

    /** Runs the command on the case, and checks that it ended within its timeout and with the case's exit code. */
    private static CliRun runBounded(Protocol protocol, Case fault,
                                     java.util.function.BiFunction<String, Duration, CliRun> command) {
        String model = arrange(protocol, fault);
        long start = System.nanoTime();
        CliRun run = command.apply(model, fault.timeout());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String context = context(protocol, fault, run);
        assertTrue(took.compareTo(fault.timeout().plus(SLACK)) < 0, context + " took " + took.toMillis() + " ms");
        assertEquals(fault.everyRequest() ? 3 : 0, run.exitCode(), context);
        return run;
    }

    private static String context(Protocol protocol, Case fault, CliRun run) {
        return fault + " over " + protocol + ": exit " + run.exitCode() + ", stderr: " + run.err();
    }

    private static void assertCounts(Case fault, JsonNode stats, String context) {
        JsonNode requests = stats.get("requests");
        assertEquals(4, requests.get("attempted").asInt(), context + requests);
        int good = fault.everyRequest() ? 0 : fault.errorClass() == null ? 4 : 2;
        assertEquals(good, requests.get("succeeded").asInt(), context + requests);
        assertEquals(good * TOKENS.length, stats.at("/tokens/output").asInt(), context + stats.get("tokens"));
        if (fault.errorClass() == null) {
            assertEquals(0, requests.get("errors").size(), context + requests);
        } else {
            assertEquals(Map.of(fault.errorClass(), 4 - good), JSON.convertValue(requests.get("errors"), Map.class),
                    context + requests);
        }
    }
}
