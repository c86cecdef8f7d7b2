package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.FileRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code command} and {@code python}: an external program judges the answer, the plug-in point for a metric in any
 * language. It reads {@code {"output": ..., "vars": ..., "case": ..., ...}} as JSON on stdin and prints a score,
 * true/false or JSON {@code {pass, score, reason}} (its last line counts). A non-zero exit, a run longer than
 * {@code config.timeout} (30 s by default) or unreadable output is an error, never a pass. A {@code command} is a
 * list (run as is) or a text (run by {@code sh -c}); a {@code python} value is {@code file://script.py} (a program),
 * promptfoo's {@code file://script.py:fn} (the function {@code fn(output, context)} of that file) or inline code, an
 * expression over {@code output} and {@code context} or a body that returns. Both run in the folder of
 * the file the assertion is written in (a cases file's, not its suite's), where a script's name resolves too.
 */
final class CommandAssertion implements Assertion {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_OUTPUT = 64 * 1024;

    private final List<String> argv;
    private final Path dir;
    private final Duration timeout;
    private final Double threshold;
    private final Map<String, Object> config;
    private final String name;

    private CommandAssertion(String name, List<String> argv, Path dir, AssertionSpec spec) {
        this.name = name;
        this.argv = List.copyOf(argv);
        this.dir = dir;
        this.timeout = Timeouts.of(spec, DEFAULT_TIMEOUT);
        this.threshold = spec.threshold();
        this.config = spec.config();
    }

    static Assertion command(AssertionSpec spec, Path dir) {
        List<String> argv = new ArrayList<>();
        if (spec.value() instanceof Collection<?> items) {
            items.forEach(i -> argv.add(String.valueOf(i)));
            if (argv.isEmpty()) {
                throw new FieldException("value", "'command' needs a program to run");
            }
        } else {
            argv.addAll(List.of("sh", "-c", Values.text(spec)));
        }
        return new CommandAssertion(argv.get(argv.size() - 1), argv, dir, spec);
    }

    static Assertion python(AssertionSpec spec, Path dir) {
        String code = Values.text(spec);
        String python = String.valueOf(spec.config().getOrDefault("python", "python3"));
        if (FileRef.is(code)) {
            FileRef.Script named = FileRef.Script.of(code);
            Path script = FileRef.file(dir, named.file(), problem -> new FieldException("value", problem));
            String function = named.function() != null ? named.function() : PythonInline.defaultFunction(script);
            List<String> argv = function == null ? List.of(python, script.toString())
                    : List.of(python, "-c", PythonInline.CALL, script.toString(), function);
            return new CommandAssertion(named.shown(), argv, dir, spec);
        }
        return new CommandAssertion("python", List.of(python, "-c", PythonInline.program(code)), dir, spec);
    }

    @Override
    public Grade grade(Answer answer) {
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(dir.toFile()).start();
        } catch (IOException e) {
            return Grade.error(name + ": cannot start " + argv.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(ScriptInput.stdin(answer, config).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the program did not read its input: its exit code and output tell the rest
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return Grade.error(name + ": took longer than " + timeout.toMillis() + " ms");
            }
            if (process.exitValue() != 0) {
                String why = err.get().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
                return Grade.error(name + ": exited with " + process.exitValue()
                        + (why.isEmpty() ? "" : ": " + Texts.head(why.strip())));
            }
            Grade grade = ScriptVerdict.ofPrinted(out.get(), threshold);
            return grade.error() ? Grade.error(name + ": " + grade.reason()) : grade;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Grade.error(name + ": interrupted");
        } catch (ExecutionException e) {
            return Grade.error(name + ": " + e.getCause().getMessage());
        }
    }

    private static String read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            in.transferTo(OutputStream.nullOutputStream());
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
