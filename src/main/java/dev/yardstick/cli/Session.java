package dev.yardstick.cli;

import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.Secrets;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.local.LocalProvider;
import dev.yardstick.report.WriteFailure;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one invocation works with: its environment, its streams, the terminal, and (built on first use, because
 * they read the config file) the config and the provider registry. Tests build one with their own environment
 * and streams, so commands never touch System.getenv or System.out directly.
 */
public final class Session {

    private final Map<String, String> env;
    private final java.io.InputStream in;
    private final PrintWriter out;
    /** The stream under the scrubbing writer: the one whose write errors say whether stdout was delivered. */
    private final PrintWriter rawOut;
    private final PrintWriter err;
    private YardstickConfig config;
    private ProviderRegistry registry;
    /** Keys written in a suite file, by the variable name its endpoints read them from. */
    private final Map<String, String> suiteKeys = new java.util.LinkedHashMap<>();
    private Terminal terminal;
    private final Set<String> unwritable = ConcurrentHashMap.newKeySet();
    private final List<Closeable> reserve = new ArrayList<>();

    public Session(Map<String, String> env, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.in = in;
        // Everything the process prints passes here: secrets are scrubbed on the way out, whatever printed them, and
        // messages on stderr show control characters instead of obeying them.
        this.out = new PrintWriter(Secrets.redacting(out), true);
        this.rawOut = out;
        this.err = new MessageWriter(Secrets.redacting(err));
    }

    public Map<String, String> env() {
        return env;
    }

    /** Standard input, or null when it is an interactive terminal (nothing piped). */
    public java.io.InputStream in() {
        return in;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** The terminal, detected once per invocation (when interactive, detection opens the terminal to ask its size). */
    public Terminal terminal(boolean noColor) {
        if (terminal == null) {
            terminal = Terminal.detect(env, false);
        }
        return noColor ? new Terminal(terminal.interactive(), false, terminal.width()) : terminal;
    }

    public YardstickConfig config(CommonOptions options) {
        if (config == null) {
            config = YardstickConfig.load(options == null ? null : options.config, env);
        }
        return config;
    }

    /**
     * Adds endpoints a suite file defines (a promptfoo config's providers) and the keys they read, by variable name,
     * to this invocation's config and environment; before the registry is first built. A name the config file
     * already uses is an input error.
     */
    public void addEndpoints(CommonOptions options, Map<String, EndpointConfig> endpoints, Map<String, String> keys) {
        if (endpoints.isEmpty()) {
            return;
        }
        YardstickConfig base = config(options);
        Map<String, EndpointConfig> all = new java.util.LinkedHashMap<>(base.endpoints());
        endpoints.forEach((name, endpoint) -> {
            if (all.putIfAbsent(name, endpoint) != null) {
                throw new dev.yardstick.config.InputException("endpoint '" + name + "' is defined both in the config"
                        + " file and by a provider of the suite; rename one");
            }
        });
        config = new YardstickConfig(all, base.models(), base.defaults());
        suiteKeys.putAll(keys);
    }

    public ProviderRegistry registry(CommonOptions options) {
        if (registry == null) {
            Map<String, String> keyed = new java.util.HashMap<>(env);
            keyed.putAll(suiteKeys);
            ProviderContext context = new ProviderContext(keyed, config(options));
            // Hosted providers stream through the lean client: blocking I/O on each request's virtual thread, which
            // keeps TTFT honest at hundreds of streams where langchain4j's default client falls behind.
            registry = ProviderRegistry.create(context, List.of(new LocalProvider()), LeanHttpClient::builder);
        }
        return registry;
    }

    /**
     * Says once per output, on stderr, that it could not be written ({@code cannot write FILE: reason}); the other
     * outputs are still written, and {@link #exitCode} turns the run's exit code into 3. Thread-safe.
     */
    public void cannotWrite(WriteFailure failure) {
        if (unwritable.add(failure.target())) {
            log("yardstick: " + failure.line());
        }
    }

    /** Flushes stdout and reports it once if anything written to it failed (a full disk, a closed pipe). */
    public void checkStdout() {
        out.flush(); // through the scrubbing writer into the raw stream, whose errors a PrintWriter above cannot see
        if (rawOut.checkError()) {
            IOException e = rawOut instanceof FailureKeepingPrintWriter keeping ? keeping.failure() : null;
            cannotWrite(e == null ? new WriteFailure("stdout", "write error") : WriteFailure.of("stdout", e));
        }
    }

    /**
     * The process's exit code: the command's own, or 3 when an output could not be written, because 0, 1 and 130
     * each promise that the results reached the user (a usage error, 2, stays 2).
     */
    public int exitCode(int commandCode) {
        checkStdout();
        boolean delivered = unwritable.isEmpty();
        return delivered || commandCode == ExitCodes.USAGE || commandCode == ExitCodes.RUNTIME ? commandCode
                : ExitCodes.RUNTIME;
    }

    /**
     * Holds {@code count} file descriptors from the start, released by {@link #releaseReserve()} just before the
     * outputs are written: a run that used the process's whole limit (sockets a connection pool still holds at the
     * end of a high-concurrency benchmark under {@code ulimit -n}) can still write its report.
     */
    public synchronized Session reserveFileDescriptors(int count) {
        for (int i = 0; i < count; i++) {
            try {
                reserve.add(new FileInputStream("/dev/null"));
            } catch (IOException e) {
                break; // no /dev/null here: nothing to reserve with
            }
        }
        return this;
    }

    public synchronized void releaseReserve() {
        for (Closeable c : reserve) {
            try {
                c.close();
            } catch (IOException ignored) {
                // a descriptor that will not close frees nothing more by retrying
            }
        }
        reserve.clear();
    }

    /** A progress or log line on stderr. */
    public void log(String line) {
        err.println(line);
        err.flush();
    }
}
