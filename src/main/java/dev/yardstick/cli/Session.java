package dev.yardstick.cli;

import dev.yardstick.config.Secrets;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.ProviderRegistry;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.local.LocalProvider;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What one invocation works with: its environment, its streams, the terminal, and (built on first use, because
 * they read the config file) the config and the provider registry. Tests build one with their own environment
 * and streams, so commands never touch System.getenv or System.out directly.
 */
public final class Session {

    private final Map<String, String> env;
    private final java.io.InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private YardstickConfig config;
    private ProviderRegistry registry;
    private Terminal terminal;

    public Session(Map<String, String> env, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.in = in;
        // Everything the process prints passes here: secrets are scrubbed on the way out, whatever printed them, and
        // messages on stderr show control characters instead of obeying them.
        this.out = new PrintWriter(Secrets.redacting(out), true);
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

    public ProviderRegistry registry(CommonOptions options) {
        if (registry == null) {
            ProviderContext context = new ProviderContext(env, config(options));
            // Hosted providers stream through the lean client: blocking I/O on each request's virtual thread, which
            // keeps TTFT honest at hundreds of streams where langchain4j's default client falls behind.
            registry = ProviderRegistry.create(context, List.of(new LocalProvider()), LeanHttpClient::builder);
        }
        return registry;
    }

    /** A progress or log line on stderr. */
    public void log(String line) {
        err.println(line);
        err.flush();
    }
}
