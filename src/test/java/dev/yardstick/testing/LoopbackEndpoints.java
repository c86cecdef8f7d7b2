package dev.yardstick.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback server for a test class and a Yardstick config file naming it as endpoints, one per wire protocol, each
 * keyed by {@link #ENV}'s variable: register it as a static {@code @RegisterExtension} field. The server starts once,
 * forgets its behaviour before every test, and closes after the last.
 */
public final class LoopbackEndpoints implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** The environment the CLI runs with: the endpoints' key. */
    public static final Map<String, String> ENV = Map.of("LOOPBACK_KEY", "sk-loopback-test");

    private final Map<String, Protocol> endpoints;
    private LoopbackLlmServer server;
    private Path dir;
    private Path config;

    private LoopbackEndpoints(Map<String, Protocol> endpoints) {
        this.endpoints = endpoints;
    }

    /** Endpoints named {@code name} → the protocol it speaks, e.g. {@code lb → OPENAI} makes {@code lb/any-model}. */
    public static LoopbackEndpoints of(Map<String, Protocol> endpoints) {
        return new LoopbackEndpoints(new LinkedHashMap<>(endpoints));
    }

    public static LoopbackEndpoints of(String name, Protocol protocol) {
        return of(Map.of(name, protocol));
    }

    public LoopbackLlmServer server() {
        return server;
    }

    /** The config file defining the endpoints, for {@code --config}. */
    public String config() {
        return config.toString();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = LoopbackLlmServer.builder().recording(false).start();
        dir = Files.createTempDirectory("loopback-endpoints");
        StringBuilder yaml = new StringBuilder("endpoints:\n");
        endpoints.forEach((name, protocol) -> yaml.append("  ").append(name).append(": {provider: ")
                .append(protocol.name().toLowerCase(java.util.Locale.ROOT)).append(", base-url: '")
                .append(server.baseUrl(protocol)).append("', api-key-env: LOOPBACK_KEY}\n"));
        config = Files.writeString(dir.resolve("yardstick.yaml"), yaml);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        Files.deleteIfExists(config);
        Files.deleteIfExists(dir);
    }
}
