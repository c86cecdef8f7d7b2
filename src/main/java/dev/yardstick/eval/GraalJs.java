package dev.yardstick.eval;

import dev.yardstick.config.FileProblems;
import dev.yardstick.config.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
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

    private final Map<Path, Module> modules = new HashMap<>();
    private Value adapter;

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

    /**
     * A script failed: its syntax, a throw, or its time ran out. Only the message's first line is kept: a syntax
     * error goes on to quote the source with a caret, and an error is one line.
     */
    static final class ScriptError extends Exception {
        ScriptError(String message) {
            super(String.valueOf(message).lines().findFirst().orElse(""), null, false, false);
        }
    }

    /** Compiles a function body over {@code output} and {@code context}; a syntax error is reported at once. */
    synchronized Function function(String body, Duration timeout) throws ScriptError {
        try {
            return new Function(graded(context.eval("js", "(function (output, context) {\n" + body + "\n})")),
                    timeout);
        } catch (PolyglotException e) {
            throw new ScriptError(e.getMessage());
        }
    }

    /**
     * The function a CommonJS module exports, as promptfoo loads a {@code file://check.js} assertion: the file runs
     * once with {@code module} and {@code exports} provided (no {@code require}: scripts reach no file or process),
     * within {@code timeout}; the function is {@code exports[name]} when a name is given, else the export itself or
     * its {@code default}. A file unchanged since it was loaded is not run again.
     */
    synchronized Function module(Path file, String name, Duration timeout) throws ScriptError {
        Module module;
        try {
            module = modules.get(file);
            BasicFileAttributes seen = Files.readAttributes(file, BasicFileAttributes.class);
            if (module == null || !module.same(seen)) {
                module = new Module(run(file, timeout), seen.lastModifiedTime(), seen.size());
                modules.put(file, module);
            }
        } catch (IOException e) {
            throw new ScriptError("cannot read " + file + ": " + FileProblems.reason(e));
        }
        Value exports = module.exports();
        Value function = name != null ? exports.getMember(name)
                : exports.canExecute() ? exports : exports.getMember("default");
        if (function == null || !function.canExecute()) {
            throw new ScriptError(name != null ? "exports no function '" + name + "'"
                    : "module.exports is not a function (nor is its default)");
        }
        return new Function(graded(function), timeout);
    }

    /** Runs a module file's code and returns what it exports; its syntax errors name the file and line. */
    private Value run(Path file, Duration timeout) throws ScriptError {
        // the wrapper opens on the file's first line, so the engine's line numbers are the file's
        Source source = Source.newBuilder("js", "(function (module, exports) {" + TextFiles.readText(file) + "\n})",
                file.getFileName().toString()).buildLiteral();
        Value module = context.eval("js", "({exports: {}})");
        timed(timeout, () -> context.eval(source).execute(module, module.getMember("exports")));
        return module.getMember("exports");
    }

    /** Runs script code, stopped at {@code timeout}: a throw, or the time running out, is a {@link ScriptError}. */
    private Value timed(Duration timeout, Supplier<Value> code) throws ScriptError {
        ScheduledFuture<?> stop = watchdog.schedule(this::interrupt, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return code.get();
        } catch (PolyglotException e) {
            throw new ScriptError(e.isInterrupted() || e.isCancelled()
                    ? "took longer than " + timeout.toMillis() + " ms" : e.getMessage());
        } finally {
            stop.cancel(false);
        }
    }

    /** What a module file exported, and the file's state when it ran. */
    private record Module(Value exports, FileTime modified, long size) {
        boolean same(BasicFileAttributes now) {
            return now.lastModifiedTime().equals(modified) && now.size() == size;
        }
    }

    /** An assertion function over (output, context) as one that takes the context as JSON and returns JSON. */
    private Value graded(Value function) {
        if (adapter == null) {
            // An async function (promptfoo allows one) returns a promise: its settling is noted in a box, which the
            // engine's job queue fills before the call returns to Java (no timers or I/O exist here to wait for).
            adapter = context.eval("js", "(function (assertion) {\n"
                    + "  const json = (result) => JSON.stringify(result === undefined ? null : result);\n"
                    + "  return function (output, contextJson) {\n"
                    + "    const result = assertion(output, JSON.parse(contextJson));\n"
                    + "    if (result === null || typeof result !== 'object' || typeof result.then !== 'function') {\n"
                    + "      return {settled: true, json: json(result)};\n"
                    + "    }\n"
                    + "    const box = {settled: false};\n"
                    + "    result.then((value) => { box.settled = true; box.json = json(value); },\n"
                    + "        (error) => { box.settled = true; box.error = String(error && error.message || error); });\n"
                    + "    return box;\n"
                    + "  };\n"
                    + "})");
        }
        return adapter.execute(function);
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
                Value box = timed(timeout, () -> function.execute(output, contextJson));
                if (!box.getMember("settled").asBoolean()) {
                    throw new ScriptError("returned a promise that did not settle (it waits for something this"
                            + " engine does not run: a timer or I/O)");
                }
                if (box.hasMember("error")) {
                    throw new ScriptError(box.getMember("error").asString());
                }
                String printed = box.getMember("json").asString();
                return JsonText.parse(printed).map(n -> ScriptVerdict.ofJson(n, threshold, printed))
                        .orElse(Grade.error("returned " + Texts.head(printed)));
            }
        }
    }
}
