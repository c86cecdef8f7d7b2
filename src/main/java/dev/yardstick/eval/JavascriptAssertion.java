package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.FileRef;
import dev.yardstick.config.InputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code javascript}: an expression over {@code output} and {@code context} ({@code output.includes('park')}), or a
 * function body that returns (when the value spans lines or says {@code return}), or promptfoo's
 * {@code file://check.js} (or {@code file://check.js:fnName}), a CommonJS module whose export is that function of
 * {@code (output, context)}, resolved in the assertion's folder; all run in-process by GraalJS. It may
 * return true/false, a score or {@code {pass, score, reason}}; a throw, a syntax error found at run time or a run
 * longer than {@code config.timeout} (5 s by default) is an error. GraalJS is loaded by the first javascript
 * assertion of a suite, not before: see {@link GraalJs}.
 */
final class JavascriptAssertion implements Assertion {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final GraalJs.Function function;
    private final Double threshold;
    private final Map<String, Object> config;

    private JavascriptAssertion(String name, GraalJs.Function function, AssertionSpec spec) {
        this.name = name;
        this.function = function;
        this.threshold = spec.threshold();
        this.config = spec.config();
    }

    static Assertion compile(AssertionSpec spec, Path dir) {
        String code = Values.text(spec);
        Duration timeout = Timeouts.of(spec, DEFAULT_TIMEOUT);
        if (FileRef.is(code)) {
            return module(spec, dir, FileRef.Script.of(code), timeout);
        }
        String body = code.contains("\n") || code.matches("(?s).*\\breturn\\b.*") ? code : "return (" + code + ");";
        try {
            return new JavascriptAssertion("javascript", GraalJs.get().function(body, timeout), spec);
        } catch (GraalJs.ScriptError e) {
            throw new FieldException("value", "javascript: " + e.getMessage());
        }
    }

    /** promptfoo's {@code file://check.js[:fnName]}: the function the module exports, called as an inline one. */
    private static Assertion module(AssertionSpec spec, Path dir, FileRef.Script script, Duration timeout) {
        Path file = FileRef.file(dir, script.file(), problem -> new FieldException("value", problem));
        String name = "javascript " + script.shown();
        try {
            return new JavascriptAssertion(name, GraalJs.get().module(file, script.function(), timeout), spec);
        } catch (GraalJs.ScriptError e) {
            throw new FieldException("value", name + ": " + e.getMessage());
        } catch (InputException e) {
            throw new FieldException("value", e.getMessage());
        }
    }

    @Override
    public Grade grade(Answer answer) {
        String context = JsonText.write(ScriptInput.context(answer, config));
        try {
            return function.call(answer.output(), context, threshold);
        } catch (GraalJs.ScriptError e) {
            return Grade.error(name + ": " + e.getMessage());
        }
    }
}
