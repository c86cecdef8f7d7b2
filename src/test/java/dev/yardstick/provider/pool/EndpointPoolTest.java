package dev.yardstick.provider.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.cli.CliRun;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pools of real endpoints: three loopback OpenAI-compatible servers, each an endpoint of the config file, driven by
 * the CLI's benchmark through the real langchain4j client. Which endpoint served each request is read from the
 * samples file, and every server's own count of what it received checks it.
 */
class EndpointPoolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("LOOPBACK_KEY", "sk-loopback");
    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final Behavior FAST = Behavior.DEFAULT.withTokens(3);
    private static final Duration COOL_DOWN = Duration.ofMillis(400);

    @TempDir
    Path dir;

    private final List<LoopbackLlmServer> servers = new ArrayList<>();

    @BeforeEach
    void start() {
        for (int i = 0; i < NAMES.size(); i++) {
            servers.add(LoopbackLlmServer.builder().behavior(FAST).start());
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(LoopbackLlmServer::close);
    }

    @Test
    void roundRobinSendsInExactOrderAndReportsEachEndpoint() throws IOException {
        Run run = benchmark("balance: round-robin", "--requests", "9", "--concurrency", "1");
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a", "b", "c"), run.endpoints());
        for (LoopbackLlmServer server : servers) {
            assertEquals(3, server.requestCount());
        }
        JsonNode step = run.report().at("/steps/0");
        assertEquals(9, step.at("/models/0/requests/succeeded").asInt(), "the pool's own figures");
        assertEquals("pool:replicas", step.at("/models/0/model").asText());
        JsonNode endpoints = step.get("endpoints");
        assertEquals(NAMES, names(endpoints));
        for (JsonNode e : endpoints) {
            assertEquals("pool:replicas @ " + e.get("endpoint").asText(), e.at("/stats/model").asText());
            assertEquals(3, e.at("/stats/requests/succeeded").asInt());
            assertEquals(3, e.at("/stats/e2e/count").asInt(), "every figure per endpoint");
            assertEquals(0, e.get("ejected").asInt());
        }
    }

    @Test
    void leastInFlightSendsLittleToASlowEndpoint() throws IOException {
        servers.get(1).behavior(FAST.withTtft(Duration.ofMillis(400)));
        Run run = benchmark("balance: least-in-flight", "--requests", "60", "--concurrency", "3");
        Map<String, Long> counts = run.counts();
        long slow = counts.getOrDefault("b", 0L);
        // Round-robin would send it 20; with one request always outstanding there, it is offered only ties.
        assertTrue(slow >= 1 && slow <= 8, "the slow endpoint got " + slow + " of 60: " + counts);
        assertEquals(60 - slow, counts.get("a") + counts.get("c"));
        assertEquals(slow, servers.get(1).requestCount());
    }

    @Test
    void weightedSharesFollowTheWeights() throws IOException {
        Path config = config("balance: weighted", List.of("      - {endpoint: a, weight: 3}",
                "      - {endpoint: b, weight: 1}", "      - {endpoint: c, weight: 2}"), "");
        Run run = run(config, "--requests", "60", "--concurrency", "4");
        Map<String, Long> counts = run.counts();
        // Smooth weighted round-robin gives the exact 30:10:20 over every 6 requests; concurrency may move a turn.
        assertEquals(30, counts.get("a"), 2, counts.toString());
        assertEquals(10, counts.get("b"), 2, counts.toString());
        assertEquals(20, counts.get("c"), 2, counts.toString());
    }

    @Test
    void aFailingEndpointIsEjectedForItsCoolDownThenProbedBackIn() throws IOException {
        // b fails its first three requests: two eject it, the third is its first probe, which fails and ejects it
        // again; its second probe succeeds and lets it back in.
        servers.get(1).script(i -> i < 3 ? FAST.failing(500) : null);
        servers.forEach(s -> s.behavior(FAST.withTtft(Duration.ofMillis(20))));
        Path config = config("balance: round-robin", List.of("      - endpoint: a", "      - endpoint: b"),
                "    eject: {consecutive-errors: 2, cool-down: " + COOL_DOWN.toMillis() + "ms}\n");
        Run run = run(config, "--requests", "80", "--concurrency", "1");

        List<JsonNode> onB = run.samples().stream().filter(s -> "b".equals(s.path("endpoint").asText())).toList();
        assertEquals(3, onB.stream().filter(s -> !s.get("ok").asBoolean()).count());
        assertEquals(onB.size(), servers.get(1).requestCount(), "nothing was sent to b while it was out");
        // Arrival times at the servers (one clock: the servers run in the test's JVM).
        List<Long> atB = servers.get(1).requests().stream().map(RecordedRequest::arrivalNanos).toList();
        long ejectedAt = atB.get(1);
        long firstProbe = atB.get(2);
        assertTrue(firstProbe - ejectedAt >= COOL_DOWN.toNanos(), "out for its cool-down: "
                + (firstProbe - ejectedAt) / 1e6 + " ms");
        assertTrue(atB.get(3) - firstProbe >= COOL_DOWN.toNanos(), "a failed probe takes it out again");
        long aMeanwhile = servers.getFirst().requests().stream().map(RecordedRequest::arrivalNanos)
                .filter(t -> t > ejectedAt && t < firstProbe).count();
        assertTrue(aMeanwhile >= 5, "a served alone while b was out: " + aMeanwhile);
        assertTrue(onB.size() > 8, "back in rotation after the probe: " + onB.size() + " requests on b");

        JsonNode b = run.report().at("/steps/0/endpoints/1");
        assertEquals("b", b.get("endpoint").asText());
        assertEquals(2, b.get("ejected").asInt());
        assertEquals(1, b.get("readmitted").asInt());
        assertEquals(3, b.at("/stats/requests/failed").asInt());
        assertEquals(0, run.report().at("/steps/0/endpoints/0/stats/requests/failed").asInt());
    }

    @Test
    void aPoolWithEveryEndpointOutFailsAtOnceAndSendsNothing() throws IOException {
        // a answers, then fails; b fails: after three requests both are out for an hour.
        servers.get(0).script(i -> i == 1 ? FAST.failing(503) : null);
        servers.get(1).behavior(FAST.failing(503));
        Path config = config("balance: round-robin", List.of("      - endpoint: a", "      - endpoint: b"),
                "    eject: {consecutive-errors: 1, cool-down: 1h}\n");
        Run run = run(config, "--requests", "6", "--concurrency", "1");
        assertEquals(List.of("a", "b", "a", "", "", ""), run.endpoints());
        assertEquals(2, servers.get(0).requestCount());
        assertEquals(1, servers.get(1).requestCount(), "nothing is sent to an endpoint that is out");
        JsonNode refused = run.samples().getLast();
        assertTrue(refused.at("/error/message").asText().contains("every endpoint is ejected"), refused.toString());
        assertTrue(refused.get("e2eMs").asDouble() < 50, "refused at once: " + refused.get("e2eMs"));
        assertEquals(5, run.report().at("/steps/0/models/0/requests/failed").asInt(), "the pool counts them all");
        assertEquals(1, run.report().at("/steps/0/endpoints/0/stats/requests/failed").asInt());
        assertEquals(1, run.report().at("/steps/0/endpoints/0/ejected").asInt());
        assertEquals(1, run.report().at("/steps/0/endpoints/1/ejected").asInt());
    }

    @Test
    void theTableBreaksThePoolDownPerEndpoint() throws IOException {
        CliRun run = CliRun.of(ENV, null, "benchmark", "--config", config("balance: round-robin").toString(), "-m",
                "pool:replicas", "--requests", "6", "--concurrency", "1", "--warmup", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pool:replicas per endpoint: 0 ejections in this step"), run.out());
        for (String name : NAMES) {
            assertTrue(run.out().contains("pool:replicas @ " + name), run.out());
        }
    }

    @Test
    void compareLabelsEverySampleAndSummarizesEachEndpoint() throws IOException {
        CliRun run = CliRun.of(ENV, null, "compare", "--config", config("balance: round-robin").toString(), "-m",
                "pool:replicas", "-p", "Hello", "--repeat", "6", "--no-cache", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        Map<String, Long> bySample = new java.util.TreeMap<>();
        report.get("samples").forEach(s -> bySample.merge(s.get("endpoint").asText(), 1L, Long::sum));
        assertEquals(Map.of("a", 2L, "b", 2L, "c", 2L), bySample);
        assertEquals(NAMES, names(report.get("endpoints")));
        report.get("endpoints").forEach(e -> assertEquals(2, e.at("/stats/requests/succeeded").asInt()));
    }

    @Test
    void mergedReportsAddEachEndpointsFiguresAndEjections() throws IOException {
        Path config = config("balance: round-robin");
        List<String> parts = new ArrayList<>();
        for (String part : List.of("one.json", "two.json")) {
            Path out = dir.resolve(part);
            CliRun run = CliRun.of(ENV, null, "benchmark", "--config", config.toString(), "-m", "pool:replicas",
                    "--requests", "6", "--concurrency", "1", "--warmup", "0", "-o", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            parts.add(out.toString());
        }
        CliRun merged = CliRun.of("report", "merge", parts.get(0), parts.get(1), "--format", "json");
        assertEquals(0, merged.exitCode(), merged.err());
        JsonNode endpoints = JSON.readTree(merged.out()).at("/steps/0/endpoints");
        assertEquals(NAMES, names(endpoints));
        endpoints.forEach(e -> assertEquals(4, e.at("/stats/requests/succeeded").asInt(), e.toString()));
    }

    private Path config(String balance) throws IOException {
        return config(balance, NAMES.stream().map(n -> "      - endpoint: " + n).toList(), "");
    }

    private Path config(String balance, List<String> members, String extra) throws IOException {
        StringBuilder yaml = new StringBuilder("endpoints:\n");
        for (int i = 0; i < NAMES.size(); i++) {
            yaml.append("  ").append(NAMES.get(i)).append(": {provider: openai, base-url: '")
                    .append(servers.get(i).baseUrl(Protocol.OPENAI)).append("', api-key-env: LOOPBACK_KEY}\n");
        }
        yaml.append("pools:\n  replicas:\n    model: replica-model\n    ").append(balance).append("\n    members:\n");
        members.forEach(m -> yaml.append(m).append('\n'));
        yaml.append(extra);
        return Files.writeString(dir.resolve("yardstick.yaml"), yaml);
    }

    private Run benchmark(String balance, String... load) throws IOException {
        return run(config(balance), load);
    }

    private Run run(Path config, String... load) throws IOException {
        Path samples = dir.resolve("samples.jsonl");
        Files.deleteIfExists(samples);
        List<String> args = new ArrayList<>(List.of("benchmark", "--config", config.toString(), "-m",
                "pool:replicas", "--warmup", "0", "--timeout", "5s", "--samples", samples.toString(), "--format",
                "json"));
        args.addAll(List.of(load));
        CliRun run = CliRun.of(ENV, null, args.toArray(String[]::new));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(samples)) {
            lines.add(JSON.readTree(line));
        }
        lines.sort(Comparator.comparingLong(s -> s.get("sequence").asLong()));
        return new Run(JSON.readTree(run.out()), lines);
    }

    private static List<String> names(JsonNode endpoints) {
        List<String> out = new ArrayList<>();
        endpoints.forEach(e -> out.add(e.get("endpoint").asText()));
        return out;
    }

    private record Run(JsonNode report, List<JsonNode> samples) {

        List<String> endpoints() {
            return samples.stream().map(s -> s.path("endpoint").asText()).toList();
        }

        Map<String, Long> counts() {
            return samples.stream().collect(Collectors.groupingBy(s -> s.path("endpoint").asText(),
                    Collectors.counting()));
        }
    }
}
