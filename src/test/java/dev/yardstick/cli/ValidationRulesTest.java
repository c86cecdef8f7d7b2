package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The rules around input that are not one bad value: keys with custom base URLs, help text, the progress line. */
class ValidationRulesTest {

    @Test
    void aCustomBaseUrlNeedsNoKey() {
        try (LoopbackLlmServer server = LoopbackLlmServer.builder().recording(true).start()) {
            CliRun run = CliRun.of(Map.of(), null, "compare", "-m", "openai/my-model", "--base-url",
                    server.baseUrl(Protocol.OPENAI), "-p", "hello", "--timeout", "10s", "--format", "json");
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            RecordedRequest request = server.lastRequest();
            String authorization = request.header("authorization");
            assertTrue(authorization == null || !authorization.contains("OPENAI"), "no real key: " + authorization);
        }
    }

    @Test
    void theVendorsOwnUrlStillNeedsItsKey() {
        CliRun run = CliRun.of(Map.of(), null, "compare", "-m", "openai/gpt-4o-mini", "--base-url",
                "https://api.openai.com/v1/", "-p", "hello");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("missing API key for openai/gpt-4o-mini: set OPENAI_API_KEY"), run.err());
    }

    @Test
    void aKeyGivenWithACustomUrlIsSent() {
        try (LoopbackLlmServer server = LoopbackLlmServer.builder().recording(true).start()) {
            CliRun run = CliRun.of(Map.of("OPENAI_API_KEY", "sk-test-canary-123456"), null, "compare", "-m",
                    "openai/my-model", "--base-url", server.baseUrl(Protocol.OPENAI), "-p", "hello", "--timeout",
                    "10s", "--format", "json");
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertEquals("Bearer sk-test-canary-123456", server.lastRequest().header("authorization"));
        }
    }

    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        List<String[]> commands = new ArrayList<>();
        collect(YardstickCommand.commandLine(new String[0], new Factory()), commands, new ArrayList<>());
        assertTrue(commands.size() >= 10, "every command and subcommand: " + commands.size());
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String[] command : commands) {
                List<String> args = new ArrayList<>(List.of(command));
                args.add("--help");
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(ExitCodes.OK, run.exitCode(), String.join(" ", args) + ": " + run.err());
                assertTrue(run.out().contains("Usage:"), String.join(" ", args));
                String all = run.out() + run.err() + captured.toString(StandardCharsets.UTF_8);
                assertFalse(all.contains("WARN"), String.join(" ", args) + " warned:\n" + all);
                assertFalse(run.out().contains("%n"), "unformatted help: " + run.out());
            }
        } finally {
            System.setErr(original);
        }
    }

    private static void collect(CommandLine cli, List<String[]> into, List<String> path) {
        into.add(path.toArray(String[]::new));
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, into, next);
            }
        });
    }

    /** Commands take a session; for walking the tree any will do. */
    private static final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Session.class).newInstance(new Session(Map.of(), null,
                        new java.io.PrintWriter(new java.io.StringWriter()),
                        new java.io.PrintWriter(new java.io.StringWriter())));
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    @Test
    void theProgressLineFollowsStderrNotStdout() {
        assertTrue(Terminal.detect(Map.of(), false, () -> true).interactive(), "stderr a terminal: live line");
        assertFalse(Terminal.detect(Map.of(), false, () -> false).interactive(), "stderr redirected: none");
        assertFalse(Terminal.detect(Map.of("CI", "true"), false, () -> true).interactive(), "never in CI");
        assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
        assertFalse(Terminal.isTerminalDevice("/dev/null"));
        assertFalse(Terminal.isTerminalDevice("pipe:[12345]"));
        assertFalse(Terminal.isTerminalDevice("/tmp/out.json"));
        // Under the test runner stderr is a pipe, whatever the console says.
        assertFalse(Terminal.stderrIsTerminal());
    }

    /**
     * {@code benchmark ... --format json > out.json} in a terminal: stdout is a file, stderr the terminal, so the
     * live line shows and the JSON stays clean. util-linux's {@code script} gives the process a pseudo-terminal.
     */
    @Test
    void theLiveLineShowsWhenOnlyStdoutIsRedirected(@TempDir Path dir)
            throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "no util-linux script");
        Path json = dir.resolve("out.json");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + javaBin + "' --enable-native-access=ALL-UNNAMED -cp '" + System.getProperty("java.class.path")
                + "' dev.yardstick.cli.Main benchmark -m 'mock/fast?ttft=20ms&itl=5ms&tokens=20' --requests 12"
                + " --format json > '" + json + "'";
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("CI"); // a CI job has no live line by design; this test is about the terminal
        Process p = builder.start();
        String terminal = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ended");
        assertEquals(0, p.exitValue(), terminal);
        assertTrue(terminal.contains("step 1/1") && terminal.contains("req/s"), "live line on the terminal:\n"
                + terminal);
        String report = Files.readString(json);
        assertTrue(report.startsWith("{") && !report.contains("req/s"), "clean JSON on stdout: " + report);
    }
}
