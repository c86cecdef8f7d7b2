package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.Message;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover on the wire: an OpenAI-compatible and an Anthropic-compatible loopback server behind config endpoints,
 * the real langchain4j clients in between. The OpenAI one fails; the chain reaches the Anthropic one, whose own
 * request log must hold the whole conversation — the same history the listener captured and the check passed.
 */
class SwitchWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "You are the support assistant of an online shop.";
    private static final List<String> USER = List.of("My order 1234 has not arrived.", "It was a blue kettle.",
            "Where is it now?", "Can you send the tracking link?", "Thanks, that is all.");
    private static final Duration OPEN_FOR = Duration.ofMillis(800);

    @TempDir
    Path dir;

    @Test
    void theFailingServerIsLeftForTheOtherWithTheHistoryIntactAndComesBackAfterItsWait() throws IOException {
        try (LoopbackLlmServer openai = LoopbackLlmServer.start();
             LoopbackLlmServer anthropic = LoopbackLlmServer.builder()
                     .behavior(Behavior.DEFAULT.withTtft(Duration.ofMillis(300)).withReply("Let me check that."))
                     .start()) {
            // Request 0 (turn 1) answers; 1 and 2 (turn 2 and its retry) fail; later ones answer again.
            openai.behavior(Behavior.DEFAULT.withReply("Sorry to hear that."));
            openai.script(index -> index == 1 || index == 2 ? Behavior.DEFAULT.failing(500) : null);
            Path config = dir.resolve("yardstick.yaml");
            Files.writeString(config, """
                    endpoints:
                      oai: {provider: openai, base-url: "%s"}
                      ant: {provider: anthropic, base-url: "%s"}
                    """.formatted(openai.baseUrl(Protocol.OPENAI), anthropic.baseUrl(Protocol.ANTHROPIC)));
            StringBuilder turns = new StringBuilder();
            USER.forEach(u -> turns.append("  - user: ").append(u).append('\n'));
            Path script = dir.resolve("wire.yaml");
            Files.writeString(script, """
                    system: %s
                    models:
                      primary: oai/gpt-4o-mini
                      backup: {model: ant/claude-test, context-window: 2048}
                    max-tokens: 16
                    timeout: 5s
                    failover:
                      chain: [primary, backup]
                      retry: {max-attempts: 3, backoff: 10ms, jitter: 0}
                      circuit-breaker: {window: 2, min-calls: 2, failure-rate: 100, open-for: %dms}
                    turns:
                    %s""".formatted(SYSTEM, OPEN_FOR.toMillis(), turns));

            CliRun run = CliRun.of(Map.of(), null, "switch-test", script.toString(), "--config", config.toString(),
                    "--format", "json");
            assertEquals(ExitCodes.OK, run.exitCode(), run.err() + run.out());
            JsonNode c = JSON.readTree(run.out()).at("/conversations/0");

            List<String> answeredBy = new ArrayList<>();
            c.get("turns").forEach(t -> answeredBy.add(t.get("model").asText()));
            assertEquals("ant/claude-test", answeredBy.get(1), "turn 2 failed over");
            assertEquals("ant/claude-test", answeredBy.get(2), "turn 3 skips the open circuit");
            assertEquals("oai/gpt-4o-mini", answeredBy.get(4), "turn 5 is back after the wait");

            // The circuit opened after its two configured failures, and half-opened only after its wait.
            JsonNode opened = event(c, "CLOSED → OPEN");
            JsonNode halfOpen = event(c, "OPEN → HALF_OPEN");
            assertEquals(2, opened.get("turn").asInt());
            assertTrue(halfOpen.get("atMs").asDouble() - opened.get("atMs").asDouble() >= OPEN_FOR.toMillis(),
                    "half-open after " + OPEN_FOR + ": " + c.get("events"));
            event(c, "HALF_OPEN → CLOSED");
            long laterOnOpenAi = answeredBy.subList(2, 5).stream().filter("oai/gpt-4o-mini"::equals).count();
            assertEquals(3 + laterOnOpenAi, openai.requests(Protocol.OPENAI).size(),
                    "turn 1, the two failures, then only the turns it answered: none while its circuit was open");

            // What the Anthropic server received at the failover turn: the whole conversation, in order.
            String firstAnswer = c.at("/turns/0/answer").asText();
            RecordedRequest atFailover = anthropic.requests(Protocol.ANTHROPIC).get(0);
            assertEquals(List.of(Message.system(SYSTEM), Message.user(USER.get(0)), Message.assistant(firstAnswer),
                    Message.user(USER.get(1))), atFailover.messages());
            JsonNode failover = c.at("/failovers/0");
            assertTrue(failover.get("historyIntact").asBoolean());
            assertEquals("HTTP 500 ×2", failover.get("cause").asText());

            // The failed tries reached the OpenAI server too, each with the same intact history.
            for (RecordedRequest failed : openai.requests(Protocol.OPENAI).subList(1, 3)) {
                assertEquals(atFailover.messages(), failed.messages());
            }
            for (JsonNode attempt : c.get("attempts")) {
                if (attempt.get("received").asBoolean()) {
                    assertTrue(attempt.get("intact").asBoolean(), attempt.toString());
                }
            }
            // And the last request, back on OpenAI, carried all nine earlier messages and the new one.
            List<Message> last = openai.lastRequest().messages();
            assertEquals(10, last.size());
            assertEquals(Message.user(USER.get(4)), last.get(9));
            assertEquals(Message.assistant("Let me check that."), last.get(4), "the backup's answers are history");
        }
    }

    @Test
    void aHangingServerAndABrokenStreamAreRetriedOnTheWire() throws IOException {
        try (LoopbackLlmServer openai = LoopbackLlmServer.start()) {
            openai.behavior(Behavior.DEFAULT.withReply("Fine."));
            openai.script(index -> index == 1 ? Behavior.DEFAULT.hanging()
                    : index == 2 ? Behavior.DEFAULT.withTokens(8).brokenAfter(2) : null);
            Path config = openAiEndpoint(openai);
            Path script = dir.resolve("hang.yaml");
            Files.writeString(script, """
                    models: {primary: oai/gpt-4o-mini}
                    timeout: 2s
                    failover:
                      retry: {max-attempts: 3, backoff: 10ms, jitter: 0}
                      circuit-breaker: {window: 10, min-calls: 10}
                    turns: [{user: hello}, {user: "are you there?"}]
                    """);
            CliRun run = CliRun.of(Map.of(), null, "switch-test", script.toString(), "--config", config.toString(),
                    "--format", "json");
            assertEquals(ExitCodes.OK, run.exitCode(), run.err() + run.out());
            List<String> outcomes = new ArrayList<>();
            for (JsonNode a : JSON.readTree(run.out()).at("/conversations/0/attempts")) {
                outcomes.add(a.get("turn").asInt() + " " + a.path("errorClass").asText(a.get("outcome").asText()));
            }
            assertEquals(List.of("1 answered", "2 timeout", "2 malformed-stream", "2 answered"), outcomes);
            assertEquals(4, openai.requestCount());
            for (RecordedRequest request : openai.requests(Protocol.OPENAI).subList(1, 4)) {
                assertEquals(3, request.messages().size(), "each retry carried the whole history");
            }
        }
    }

    @Test
    void aRetryAfterSentOnTheWireIsWaitedOut() throws IOException {
        try (LoopbackLlmServer openai = LoopbackLlmServer.start()) {
            openai.behavior(Behavior.DEFAULT.withReply("Here."));
            openai.enqueue(Behavior.DEFAULT.rateLimited(Duration.ofSeconds(1)));
            Path config = openAiEndpoint(openai);
            Path script = dir.resolve("limited.yaml");
            Files.writeString(script, """
                    models: {primary: oai/gpt-4o-mini}
                    failover:
                      retry: {max-attempts: 2, backoff: 10ms, jitter: 0}
                    turns: [{user: hello}]
                    """);
            CliRun run = CliRun.of(Map.of(), null, "switch-test", script.toString(), "--config", config.toString(),
                    "--format", "json");
            assertEquals(ExitCodes.OK, run.exitCode(), run.err() + run.out());
            JsonNode attempts = JSON.readTree(run.out()).at("/conversations/0/attempts");
            assertEquals("rate-limited", attempts.get(0).get("errorClass").asText());
            assertEquals(1000, attempts.get(0).get("retryAfterMs").asLong(), "read from the Retry-After header");
            double waited = attempts.get(1).get("startMs").asDouble() - attempts.get(0).get("startMs").asDouble();
            assertTrue(waited >= 1000, "waited out Retry-After, not the 10 ms backoff: " + waited);
            long gapMs = (openai.requests().get(1).arrivalNanos() - openai.requests().get(0).arrivalNanos()) / 1_000_000;
            assertTrue(gapMs >= 1000, "the server saw the retry a second later: " + gapMs);
        }
    }

    /** A config file naming the server's OpenAI protocol as the endpoint {@code oai}. */
    private Path openAiEndpoint(LoopbackLlmServer server) throws IOException {
        Path config = dir.resolve("yardstick.yaml");
        Files.writeString(config, "endpoints:\n  oai: {provider: openai, base-url: \"" + server.baseUrl(Protocol.OPENAI)
                + "\"}\n");
        return config;
    }

    private static JsonNode event(JsonNode conversation, String transition) {
        for (JsonNode e : conversation.get("events")) {
            if (e.get("kind").asText().equals("circuit") && e.get("detail").asText().equals(transition)) {
                return e;
            }
        }
        throw new AssertionError("no " + transition + " in " + conversation.get("events"));
    }
}
