package dev.yardstick.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The run the {@code yardstick} launcher records its start-up cache from (JDK 25's AOT cache, AppCDS on 21 to 24):
 * the classes loaded here are the ones the cache holds already parsed and linked, so they should be those a real
 * command loads. It runs the command skeleton, compare on a mock model and on an OpenAI-compatible model (whose
 * client warm-up drives the real HTTP engine, langchain4j and Jackson against the in-process stub; the endpoint
 * itself is a closed loopback port, so nothing leaves the machine and no key is needed) and every report format.
 * No benchmark: the launcher runs benchmark without the cache, and every class in the cache is loaded at the start
 * of every run that maps it, whether the run needs it or not (a one-prompt compare peaked 0.5 MB lower without the
 * benchmark's classes). It reads no environment and writes nothing: the launcher runs it in an empty folder, so no
 * {@code yardstick.yaml} of the user's is read either.
 */
public final class StartupTraining {

    /** A loopback port nothing listens on: the compare against it fails fast, after its warm-up ran. */
    private static final String CLOSED_ENDPOINT = "http://127.0.0.1:9/v1";

    static final List<List<String>> RUNS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("compare", "--help"),
            List.of("compare", "-m", "mock/instant", "-m", "openai/training", "--base-url", CLOSED_ENDPOINT,
                    "--retries", "0", "--timeout", "5s", "-p", "Say hello", "--no-cache"),
            List.of("compare", "-m", "mock/instant", "-m", "mock/fast?ttft=1ms&itl=1ms&tokens=8", "-p", "Say hello",
                    "--no-cache", "--format", "json"),
            List.of("compare", "-m", "mock/instant", "-p", "Say hello", "--no-cache", "--format", "markdown"));

    private StartupTraining() {
    }

    public static void main(String[] args) {
        int failed = 0;
        for (List<String> run : RUNS) {
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            int code = Main.run(run.toArray(String[]::new), new Session(Map.of(), null, nowhere, nowhere));
            // the compare against the closed port fails that model's request, yet reports the mock's: exit 0 too
            if (code != ExitCodes.OK) {
                failed++;
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
