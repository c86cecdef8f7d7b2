package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick models}: which providers are usable here, and why not; every probe stays on loopback. */
class ModelsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void saysWhichProvidersAreUsableAndWhyNot() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            Path config = dir.resolve("yardstick.yaml");
            Files.writeString(config, "endpoints:\n"
                    + "  myvllm:\n    provider: openai\n    base-url: " + server.baseUrl(Protocol.OPENAI) + "\n"
                    + "  gone:\n    provider: openai\n    base-url: http://127.0.0.1:" + closedPort + "/v1\n");
            Map<String, String> env = new HashMap<>();
            env.put("OPENAI_API_KEY", "sk-models-secret-123456");
            env.put("OPENAI_BASE_URL", server.baseUrl(Protocol.OPENAI));
            env.put("OLLAMA_BASE_URL", server.baseUrl(Protocol.OLLAMA));
            CliRun run = CliRun.of(env, null, "models", "--config", config.toString(), "--format", "json");
            assertEquals(0, run.exitCode(), run.err());
            assertFalse(run.out().contains("sk-models-secret-123456"), "the key leaked");
            Map<String, JsonNode> byName = new HashMap<>();
            for (JsonNode p : JSON.readTree(run.out()).get("providers")) {
                byName.put(p.get("provider").asText(), p);
            }
            assertUsable(byName.get("openai"), true, "key from OPENAI_API_KEY");
            assertUsable(byName.get("anthropic"), false, "no API key: set ANTHROPIC_API_KEY");
            assertUsable(byName.get("ollama"), true, "reachable at " + server.baseUrl(Protocol.OLLAMA));
            assertUsable(byName.get("myvllm"), true, "reachable at " + server.baseUrl(Protocol.OPENAI));
            assertUsable(byName.get("gone"), false, "server not reachable at http://127.0.0.1:" + closedPort);
            assertUsable(byName.get("local"), true, "stories260K.gguf");
            assertUsable(byName.get("mock"), true, "always available");
            assertTrue(server.probeCount() >= 3, "openai, ollama and myvllm were probed: " + server.probeCount());
        }
    }

    private static void assertUsable(JsonNode provider, boolean usable, String reason) {
        assertEquals(usable, provider.get("usable").asBoolean(), provider.toString());
        assertTrue(provider.get("reason").asText().contains(reason), provider.toString());
    }
}
