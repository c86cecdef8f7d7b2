package dev.yardstick.bench;

import dev.yardstick.testing.LoopbackLlmServer;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Measures langchain4j's default JDK HTTP client against LeanHttpClient on several engines, all under the real
 * {@code OpenAiStreamingChatModel}, and prints a table on stdout (progress on stderr).
 *
 * <p>Every measurement runs in a fresh JVM (so no client inherits another's JIT state, threads or garbage) against
 * a {@link LoopbackLlmServer} in a JVM of its own (so the client's CPU time is the client's alone). Clients take turns
 * within each round, rotating the order, so slow drifts of this shared machine spread over all of them; the table
 * shows the median over rounds.
 *
 * <pre>
 * HttpClientShootout [--rounds 5] [--warmup 4s] [--window 6s] [--scenarios latency,rate]
 *                    [--clients jdk-default,lean-helidon,lean-jdk,lean-urlconnection,lean-socket,openai-helidon,openai-socket]
 * </pre>
 */
public final class HttpClientShootout {

    private static final String WORKER = "--worker";

    private HttpClientShootout() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(WORKER)) {
            runWorker(args);
            return;
        }
        Options options = Options.parse(args);
        for (Scenario scenario : options.scenarios) {
            Map<Candidate, List<Measured>> results = new LinkedHashMap<>();
            options.clients.forEach(c -> results.put(c, new ArrayList<>()));
            Process server = startServer(scenario);
            try {
                String baseUrl = readBaseUrl(server) + "/v1";
                for (int round = 0; round < options.rounds; round++) {
                    for (int i = 0; i < options.clients.size(); i++) {
                        Candidate client = options.clients.get((i + round) % options.clients.size());
                        // The machine's load shows whether other work shared the cores during this run.
                        System.err.printf(Locale.ROOT, "%s round %d/%d: %s (load average %.1f) ...%n",
                                scenario.name(), round + 1, options.rounds, client.label(),
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                        Measured result = runInFreshJvm(client, scenario, baseUrl, options, server.toHandle());
                        System.err.printf(Locale.ROOT, "  %s serverCores=%.2f%n", result.run().toLine(),
                                result.serverCores());
                        results.get(client).add(result);
                    }
                }
            } finally {
                server.destroy();
                server.waitFor();
            }
            System.out.println(table(scenario, options, results));
        }
    }

    private static void runWorker(String[] args) throws InterruptedException {
        Candidate client = Candidate.of(args[1]);
        Scenario scenario = Scenario.of(args[2]);
        RunResult result = new LoadWorker(client, scenario, args[3], Duration.parse(args[4]), Duration.parse(args[5]))
                .run();
        System.out.println(result.toLine());
        System.exit(0); // the JDK client's executor threads are not daemons
    }

    private static Process startServer(Scenario scenario) throws IOException {
        List<String> command = java(List.of("-Xmx1g"), LoopbackLlmServer.class.getName());
        command.addAll(scenario.serverArgs());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String readBaseUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("listening ")) {
            throw new IOException("loopback server did not start: " + line);
        }
        return line.substring("listening ".length()).trim();
    }

    private static Measured runInFreshJvm(Candidate client, Scenario scenario, String baseUrl, Options options,
                                          ProcessHandle server) throws IOException, InterruptedException {
        long startedAt = System.nanoTime();
        Duration serverCpuBefore = cpu(server);
        List<String> command = java(List.of("-Xmx1g"), HttpClientShootout.class.getName());
        command.addAll(List.of(WORKER, client.label(), scenario.name(), baseUrl, options.warmup.toString(),
                options.window.toString()));
        Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RunResult.PREFIX)) {
                    result = line;
                }
            }
        }
        int exit = worker.waitFor();
        if (result == null) {
            throw new IOException(client.label() + " worker exited with " + exit + " and no result");
        }
        double serverCores = cpu(server).minus(serverCpuBefore).toNanos() / (double) (System.nanoTime() - startedAt);
        return new Measured(RunResult.parse(result), serverCores);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * A worker's result with the server's CPU use over the same run (warm-up included): on a small machine the server
     * competes with the client for cores, and a saturated machine shows in every client's figures.
     */
    record Measured(RunResult run, double serverCores) {
    }

    /** A command line running {@code mainClass} on this JVM's own java and class path. */
    private static List<String> java(List<String> jvmOptions, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    static String table(Scenario scenario, Options options, Map<Candidate, List<Measured>> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%s%nmedian of %d rounds, %s window after %s warm-up; "
                        + "error = client-observed minus injected (TTFT %d ms, E2E %d ms)%n%n",
                scenario.description(), options.rounds, options.window.toSeconds() + " s",
                options.warmup.toSeconds() + " s", scenario.ttft().toMillis(), scenario.injectedE2e().toMillis()));
        String row = "| %-18s | %17s | %17s | %6s | %12s | %12s | %12s | %6s |%n";
        out.append(String.format(Locale.ROOT, row, "client", "TTFT err p50/p99", "E2E err p50/p99", "req/s",
                "CPU/req (µs)", "client cores", "server cores", "errors"));
        out.append(String.format(Locale.ROOT, row, "-".repeat(18), "-".repeat(17), "-".repeat(17), "-".repeat(6),
                "-".repeat(12), "-".repeat(12), "-".repeat(12), "-".repeat(6)));
        results.forEach((client, runs) -> out.append(String.format(Locale.ROOT, row, client.label(),
                millis(median(runs, r -> r.run().ttftErrP50())) + " / " + millis(median(runs, r -> r.run().ttftErrP99())),
                millis(median(runs, r -> r.run().e2eErrP50())) + " / " + millis(median(runs, r -> r.run().e2eErrP99())),
                whole(median(runs, r -> r.run().requestsPerSecond())),
                whole(median(runs, r -> r.run().cpuMicrosPerRequest())),
                String.format(Locale.ROOT, "%.2f", median(runs, r -> r.run().cores())),
                String.format(Locale.ROOT, "%.2f", median(runs, Measured::serverCores)),
                whole(median(runs, r -> r.run().errors())))));
        return out.toString();
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String millis(double micros) {
        return String.format(Locale.ROOT, "+%.1f", micros / 1000);
    }

    private static double median(List<Measured> runs, ToDoubleFunction<Measured> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Command-line options of the coordinator. */
    record Options(int rounds, Duration warmup, Duration window, List<Scenario> scenarios, List<Candidate> clients) {

        static Options parse(String[] args) {
            int rounds = 5;
            Duration warmup = Duration.ofSeconds(4);
            Duration window = Duration.ofSeconds(6);
            List<Scenario> scenarios = Scenario.ALL;
            List<Candidate> clients = List.of(Candidate.values());
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--warmup" -> warmup = dev.yardstick.config.Durations.parse(value);
                    case "--window" -> window = dev.yardstick.config.Durations.parse(value);
                    case "--scenarios" -> scenarios = Arrays.stream(value.split(",")).map(Scenario::of).toList();
                    case "--clients" -> clients = Arrays.stream(value.split(",")).map(Candidate::of)
                            .sorted(Comparator.naturalOrder()).toList();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --rounds, --warmup, --window, --scenarios, --clients)");
                }
            }
            return new Options(rounds, warmup, window, scenarios, clients);
        }
    }
}
