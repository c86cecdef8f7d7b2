package dev.yardstick.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a fresh child JVM from the built classes (this JVM's class path), so what it measures is a cold
 * process's first use of the client path, whatever earlier tests warmed in this JVM. Bounded: a child that outlives
 * its limit is killed and the run fails.
 */
record FreshJvmCli(int exitCode, String out, String err) {

    private static final long LIMIT_SECONDS = 120;

    static FreshJvmCli run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xss1m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "child", ".out");
        Path err = Files.createTempFile(workDir, "child", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the child JVM did not finish within " + LIMIT_SECONDS + " s: "
                        + String.join(" ", args));
            }
        } finally {
            process.destroyForcibly();
        }
        return new FreshJvmCli(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
