package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client warm-up over every wire protocol, with the real langchain4j models and our HTTP client: its canned
 * answer parses without error in each protocol's model, no chat request of it reaches the provider (it costs no
 * tokens and warms no server), its one probe is a free model-list GET, and the report says how it was done, in
 * every command.
 */
class ClientWarmupCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void warmsEveryProtocolWithoutAChatRequestToTheServer(Protocol protocol) throws Exception {
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            String name = "lb-" + protocol.name().toLowerCase(Locale.ROOT);
            Path config = dir.resolve("yardstick.yaml");
            Files.writeString(config, "endpoints:\n  " + name + ":\n    provider: "
                    + protocol.name().toLowerCase(Locale.ROOT) + "\n    base-url: " + server.baseUrl(protocol)
                    + "\n" + (protocol == Protocol.OLLAMA ? "" : "    api-key-env: LOOPBACK_KEY\n"));
            CliRun run = CliRun.of(Map.of("LOOPBACK_KEY", "sk-Zq8xVw3TnR5pK"), null, "compare", "--config",
                    config.toString(), "-m", name + "/loopback-model", "-p", "Hello there", "--repeat", "2",
                    "--format", "json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode warmup = JSON.readTree(run.out()).at("/run/clientWarmup");
            JsonNode model = warmup.at("/models/0");
            assertEquals(name + "/loopback-model", model.path("model").asText(), warmup.toString());
            assertEquals("loopback-stub+probe", model.path("method").asText());
            assertTrue(model.path("failure").isMissingNode(), "the canned answer parsed: " + model);
            assertTrue(model.path("ms").asDouble() > 0 && warmup.path("wallMs").asDouble() >= model.path("ms")
                    .asDouble() - 0.01, warmup.toString());
            assertEquals(2, server.requestCount(), "only the two measured requests reached the server");
            assertEquals(1, server.probeCount(), "one free model-list probe");
            assertTrue(!run.out().contains("sk-Zq8xVw3TnR5pK") && !run.err().contains("sk-Zq8xVw3TnR5pK"));
        }
    }

    @Test
    void tableAndMarkdownSayHowTheClientsWereWarmed() {
        CliRun table = CliRun.of("compare", "-m", "mock/fast?ttft=1ms&tokens=3", "-p", "Hi", "--format", "table");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().matches("(?s).*client warm-up +off the clock, \\d+ ms \\(mock/fast\\?ttft=1ms&tokens=3:"
                + " in-process \\d+ ms\\).*"), table.out());
        CliRun markdown = CliRun.of("benchmark", "-m", "mock/instant", "--requests", "3", "--format", "markdown");
        assertEquals(0, markdown.exitCode(), markdown.err());
        assertTrue(markdown.out().contains("- **client warm-up**: off the clock, "), markdown.out());
    }

    @Test
    void switchTestWarmsEachModelOnceOutsideTheFaultInjector() throws Exception {
        // The failover script's faults fail its first tries: a warm-up that went through the injector would use
        // them up, and the script's own checks on failover would fail.
        CliRun run = CliRun.of("switch-test", "scenarios/switch-failover.yaml", "--format", "json");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode models = JSON.readTree(run.out()).at("/run/clientWarmup/models");
        assertTrue(models.size() >= 2, models.toString());
        for (JsonNode model : models) {
            assertTrue(model.path("method").asText().matches("in-process|generation"), model.toString());
            assertTrue(model.path("failure").isMissingNode(), model.toString());
        }
    }
}
