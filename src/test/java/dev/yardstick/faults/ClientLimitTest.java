package dev.yardstick.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of file descriptors is the client's limit, not the server's: a real {@code yardstick benchmark} in a
 * process started under {@code ulimit -n 384}, with far more requests in flight than that allows, against a server
 * that answers slowly. The run must stop with the hint and exit 3, charging nothing to the server.
 */
class ClientLimitTest {

    @TempDir
    Path dir;

    @Test
    void runningOutOfFileDescriptorsStopsTheRunWithAHint() throws Exception {
        try (LoopbackLlmServer server = LoopbackLlmServer.builder().recording(false)
                .behavior(Behavior.DEFAULT.withTtft(Duration.ofSeconds(3))).start()) {
            Path config = dir.resolve("yardstick.yaml");
            Files.writeString(config, "endpoints:\n  lb: {provider: openai, base-url: '"
                    + server.baseUrl(Protocol.OPENAI) + "', api-key-env: LOOPBACK_KEY}\n");
            String java = ProcessHandle.current().info().command().orElse("java");
            String command = "ulimit -n 384 && exec \"$0\" -cp \"$1\" dev.yardstick.cli.Main benchmark --config \"$2\""
                    + " -m lb/m --concurrency 1000 --requests 1000 --warmup 0 --input-tokens 16 --timeout 20s"
                    + " --format json";
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", command, java, classPath(),
                    config.toString()));
            builder.environment().put("LOOPBACK_KEY", "sk-client-limit-test");
            builder.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
            long start = System.nanoTime();
            Process process = builder.start();

            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run must stop, not wait for every request");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);

            assertEquals(3, process.exitValue(), err);
            assertTrue(err.contains("stopped at the client's own limit") && err.contains("ulimit -n"), err);
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            assertTrue(server.requestCount() < 1000, "the run stopped early: " + server.requestCount() + " sent");
            assertTrue(seconds < 20, "stopped before any timeout: " + seconds + " s");
        }
    }

    /**
     * The test class path with the project's classes in one jar, as the shipped jar has them: loaded from a
     * directory, every class opens a file, and the JVM would run out of descriptors for its own class loading.
     */
    private String classPath() throws IOException {
        Path jar = dir.resolve("classes.jar");
        StringBuilder path = new StringBuilder(jar.toString());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path element = Path.of(entry);
                if (!Files.isDirectory(element)) {
                    path.append(File.pathSeparator).append(entry);
                    continue;
                }
                try (Stream<Path> files = Files.walk(element)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = element.relativize(file).toString().replace(File.separatorChar, '/');
                        try {
                            out.putNextEntry(new JarEntry(name));
                        } catch (java.util.zip.ZipException duplicate) {
                            continue; // the same resource in main and test classes: the first one wins, as before
                        }
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
        }
        return path.toString();
    }
}
