package dev.yardstick.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a JVM of its own (the compiled classes and this test run's classpath), in a process group of its own
 * ({@code setsid}), so tests can signal it, or its whole group, the way a terminal, {@code timeout} or a CI runner
 * does, and see its real exit code, stdout and stderr.
 */
final class ChildCli implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildCli(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** With the settings of a short-lived CLI run under a signal: a small heap, C1 only, CI set (no live line). */
    static ChildCli start(Path dir, String... args) throws IOException {
        return start(dir, Map.of("CI", "true"), List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1"),
                args);
    }

    /** The CLI with these JVM options and environment variables on top of the quiet logging every run gets. */
    static ChildCli start(Path dir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xlog:disable", "-Xlog:all=warning:stderr", "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        // A child's response cache stays in the test's folder, never in the user's: no run replays another's answers.
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().putAll(env);
        return new ChildCli(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Sends a signal (INT, TERM) to the process, or to its whole process group; false when there was no such process
     * any more (it had already finished).
     */
    boolean signal(String name, boolean group) throws IOException, InterruptedException {
        String target = group ? "-" + pid() : String.valueOf(pid());
        Process kill = new ProcessBuilder("kill", "-" + name, "--", target).redirectErrorStream(true).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new IllegalStateException("kill -" + name + " " + target + " hung");
        }
        return kill.exitValue() == 0;
    }

    /** The names of the process's threads (Linux truncates them to 15 characters). */
    List<String> threadNames() {
        List<String> names = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return names;
    }

    /** Waits for the exit; -1 if it did not come in time (the process is then killed). */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(stdout);
    }

    String err() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
