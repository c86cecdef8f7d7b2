package dev.yardstick.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in a fresh child JVM from the built classes (this JVM's class path), so what it measures is a cold
 * process's first use of the client path, whatever earlier tests warmed in this JVM. The JVM keeps its default
 * compilers and heap, as a user's run would. Bounded: a child that outlives its limit is killed and the run fails.
 */
record FreshJvmCli(int exitCode, String out, String err) {

    private static final long LIMIT_SECONDS = 120;

    static FreshJvmCli run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        try (ChildCli child = ChildCli.start(workDir, env, List.of("-Xss1m"), args)) {
            int exitCode = child.waitFor(LIMIT_SECONDS);
            if (exitCode < 0) {
                throw new AssertionError("the child JVM did not finish within " + LIMIT_SECONDS + " s: "
                        + String.join(" ", args));
            }
            return new FreshJvmCli(exitCode, child.out(), child.err());
        }
    }
}
