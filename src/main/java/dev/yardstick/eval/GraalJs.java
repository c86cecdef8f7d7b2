package dev.yardstick.eval;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * The in-process JavaScript engine for {@code javascript} assertions. Built by the first one a suite holds (the
 * holder class below is initialised on first use), so a run without javascript assertions never loads GraalJS; see
 * the README for what that first use costs. One context serves every assertion, one call at a time: a GraalJS
 * context is single-threaded, and the assertions are short. Scripts reach no host class, file or process, and what
 * they print goes to stderr (stdout is the run's data).
 */
final class GraalJs {

    private final Context context;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "javascript-assertion-timeout");
        t.setDaemon(true);
        return t;
    });

    private static final class Holder {
        static final GraalJs INSTANCE = new GraalJs();
    }

    private GraalJs() {
        long started = System.nanoTime();
        // Without the Graal compiler in the JVM GraalJS interprets, which is fine for assertions: say nothing.
        Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                .out(System.err).err(System.err).build();
        context = Context.newBuilder("js").engine(engine).allowAllAccess(false).build();
        context.eval("js", "0");
        EngineStarts.javascript(System.nanoTime() - started);
    }

    static GraalJs get() {
        return Holder.INSTANCE;
    }

    /** A script failed: its syntax, a throw, or its time ran out. */
    static final class ScriptError extends Exception {
        ScriptError(String message) {
            super(message, null, false, false);
        }
    }

    /** Compiles a function body over {@code output} and {@code context}; a syntax error is reported at once. */
    synchronized Function function(String body, Duration timeout) throws ScriptError {
        String source = "(function (output, contextJson) {\n"
                + "  const context = JSON.parse(contextJson);\n"
                + "  const result = (function (output, context) {\n" + body + "\n  })(output, context);\n"
                + "  return JSON.stringify(result === undefined ? null : result);\n"
                + "})";
        try {
            return new Function(context.eval("js", source), timeout);
        } catch (PolyglotException e) {
            throw new ScriptError(e.getMessage());
        }
    }

    /** Stops the script running now (the context stays usable for the next call). */
    private void interrupt() {
        try {
            context.interrupt(Duration.ZERO);
        } catch (TimeoutException e) {
            // ZERO waits without a limit: not thrown
        }
    }

    /** A compiled javascript assertion, called with an answer's text and its context as JSON. */
    final class Function {
        private final Value function;
        private final Duration timeout;

        private Function(Value function, Duration timeout) {
            this.function = function;
            this.timeout = timeout;
        }

        Grade call(String output, String contextJson, Double threshold) throws ScriptError {
            synchronized (GraalJs.this) {
                ScheduledFuture<?> stop = watchdog.schedule(GraalJs.this::interrupt, timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
                String printed;
                try {
                    printed = function.execute(output, contextJson).asString();
                } catch (PolyglotException e) {
                    throw new ScriptError(e.isInterrupted() || e.isCancelled()
                            ? "took longer than " + timeout.toMillis() + " ms" : e.getMessage());
                } finally {
                    stop.cancel(false);
                }
                String shown = printed;
                return JsonText.parse(printed).map(n -> ScriptVerdict.ofJson(n, threshold, shown))
                        .orElse(Grade.error("returned " + Texts.head(printed)));
            }
        }
    }
}
