package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.yardstick.testing.EchoingLlmServer;
import dev.yardstick.testing.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No key leaves the process. Canary keys come from the environment, an {@code api-key-file} and a config header;
 * loopback servers on the OpenAI, Anthropic and Mistral wires echo all three back: cut across two stream chunks,
 * whole, masked as providers mask them, as the answer's id and request-id header, and in error bodies. compare,
 * benchmark and switch-test run with every stdout format, every {@code -o} format and {@code --samples}; stdout,
 * stderr, every file written and what later conversation turns sent must hold no key and no fragment of 8 or
 * more characters of one. Each run also shows something was scrubbed, so a redaction turned into a no-op fails
 * on the success path and on the failure path alike.
 */
@Timeout(180)
class SecretsSuiteTest {

    private static final String ENV_KEY = "sk-cnry-env-7Hq2Zr9XwL4pK8mT3vB6";
    private static final String FILE_KEY = "sk-cnry-file-Yd5Nc8Qe1Uo4Ja7Gs2";
    private static final String HEADER_KEY = "hk-cnry-hdr-Vb3Mw6Tz9Rp2Lx5Fq1";
    private static final List<String> KEYS = List.of(ENV_KEY, FILE_KEY, HEADER_KEY);
    private static final List<String> FORMATS = List.of("table", "json", "csv", "markdown");
    private static final Map<String, String> ENV = Map.of("CANARY_KEY", ENV_KEY, "COLUMNS", "60");

    @TempDir
    Path dir;

    /** The echo: each key cut across two chunks, then whole, then masked (first 9 and last 5 characters shown). */
    private static List<String> echoChunks() {
        List<String> chunks = new ArrayList<>();
        for (String key : KEYS) {
            chunks.add("key " + key.substring(0, 11));
            chunks.add(key.substring(11) + " again " + key + " masked " + key.substring(0, 9) + "****"
                    + key.substring(key.length() - 5) + ". ");
        }
        return chunks;
    }

    private static String echoId() {
        return ENV_KEY + "-" + FILE_KEY + "-" + HEADER_KEY;
    }

    private Path config(EchoingLlmServer server) throws IOException {
        Path keyFile = dir.resolve("anthropic.key");
        Files.writeString(keyFile, FILE_KEY + "\n");
        Path config = dir.resolve("yardstick.yaml");
        Files.writeString(config, """
                endpoints:
                  oai: {provider: openai, base-url: "%s", api-key-env: CANARY_KEY, headers: {X-Api-Key: "%s"}}
                  ant: {provider: anthropic, base-url: "%s", api-key-file: "%s"}
                  mis: {provider: mistral, base-url: "%s", api-key-env: CANARY_KEY}
                """.formatted(server.baseUrl(Protocol.OPENAI), HEADER_KEY, server.baseUrl(Protocol.ANTHROPIC),
                keyFile, server.baseUrl(Protocol.MISTRAL)));
        return config;
    }

    private Path script() throws IOException {
        Path script = dir.resolve("switch.yaml");
        Files.writeString(script, """
                system: You are terse.
                models:
                  first: oai/gpt-test
                  second: ant/claude-test
                  third: mis/mistral-test
                max-tokens: 64
                timeout: 10s
                turns:
                  - user: Say something.
                  - switch: second
                    user: And now?
                  - switch: third
                    user: Once more.
                  - switch: first
                    user: The end.
                """);
        return script;
    }

    @Test
    void echoedKeysAreScrubbedFromEveryOutputOfEveryCommand() throws IOException {
        try (EchoingLlmServer server = EchoingLlmServer.answering(echoChunks(), echoId())) {
            Path config = config(server);
            Path script = script();
            for (String format : FORMATS) {
                run(format, true, "compare", "--config", config.toString(), "-m", "oai/gpt-test", "-m",
                        "ant/claude-test", "-m", "mis/mistral-test", "-p", "Say something.");
                run(format, true, "benchmark", "--config", config.toString(), "-m", "oai/gpt-test", "-m",
                        "ant/claude-test", "-m", "mis/mistral-test", "--requests", "2", "--warmup", "0",
                        "--concurrency", "2");
                run(format, true, "switch-test", script.toString(), "--config", config.toString());
            }
            List<String> bodies = server.bodies().stream().filter(body -> !body.isEmpty()).toList();
            // Per format: compare's 3 models, benchmark's 2 requests, switch-test's 4 turns (the client warm-up's
            // model-list probes are GETs without a body).
            assertEquals(4 * (3 + 2 + 4), bodies.size(), "requests received");
            // The conversation carried answers into later turns: what they sent holds the scrubbed answer.
            assertTrue(bodies.stream().anyMatch(b -> b.contains("key ***")), "no later turn carried an answer");
            bodies.forEach(b -> assertNoKey("a request body", b));
        }
    }

    @Test
    void keysEchoedInErrorBodiesAndRequestIdsAreScrubbed() throws IOException {
        String echo = String.join(" ", KEYS) + " " + ENV_KEY.substring(0, 9) + "****" + ENV_KEY.substring(27);
        for (int status : new int[] {401, 500}) {
            try (EchoingLlmServer server = EchoingLlmServer.failing(status, echo)) {
                Path config = config(server);
                Path script = script();
                for (String format : FORMATS) {
                    CliRun compare = run(format, false, "compare", "--config", config.toString(), "-m",
                            "oai/gpt-test", "-m", "ant/claude-test", "-m", "mis/mistral-test", "-p", "Hi.");
                    assertEquals(ExitCodes.RUNTIME, compare.exitCode(), compare.err());
                    assertTrue(compare.err().contains("***"), "the error line shows the scrubbed echo: "
                            + compare.err());
                    run(format, false, "benchmark", "--config", config.toString(), "-m", "oai/gpt-test", "-m",
                            "ant/claude-test", "--requests", "2", "--warmup", "0");
                    run(format, false, "switch-test", script.toString(), "--config", config.toString());
                }
            }
        }
    }

    /** Runs one command with every output and scans them all; {@code scrubbed}: the files must show a scrubbed echo. */
    private CliRun run(String format, boolean scrubbed, String... args) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out-" + args[0] + "-" + format));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", format));
        for (String ext : List.of("json", "csv", "md", "txt")) {
            all.addAll(List.of("-o", out.resolve("report." + ext).toString()));
        }
        if (!args[0].equals("switch-test")) {
            all.addAll(List.of("--samples", out.resolve("samples.jsonl").toString()));
        }
        CliRun run = CliRun.of(ENV, null, all.toArray(String[]::new));
        String what = String.join(" ", args) + " --format " + format;
        assertTrue(run.exitCode() != ExitCodes.USAGE, what + ": " + run.err());
        assertNoKey(what + ": stdout", run.out());
        assertNoKey(what + ": stderr", run.err());
        StringBuilder written = new StringBuilder();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                assertNoKey(what + ": " + file.getFileName(), text);
                written.append(text);
            }
        }
        if (scrubbed) {
            assertTrue(written.toString().contains("key ***"), what + ": the echo never reached the report");
        }
        return run;
    }

    private static void assertNoKey(String where, String text) {
        for (String key : KEYS) {
            for (int i = 0; i + 8 <= key.length(); i++) {
                String fragment = key.substring(i, i + 8);
                if (text.contains(fragment)) {
                    int at = text.indexOf(fragment);
                    fail(where + " holds '" + fragment + "' of a key: …"
                            + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)) + "…");
                }
            }
        }
    }
}
