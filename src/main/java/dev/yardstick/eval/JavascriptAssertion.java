package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.FileRef;
import java.time.Duration;
import java.util.Map;

/**
 * {@code javascript}: an expression over {@code output} and {@code context} ({@code output.includes('park')}), or a
 * function body that returns (when the value spans lines or says {@code return}), run in-process by GraalJS. It may
 * return true/false, a score or {@code {pass, score, reason}}; a throw, a syntax error found at run time or a run
 * longer than {@code config.timeout} (5 s by default) is an error. GraalJS is loaded by the first javascript
 * assertion of a suite, not before: see {@link GraalJs}.
 */
final class JavascriptAssertion implements Assertion {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final GraalJs.Function function;
    private final Double threshold;
    private final Map<String, Object> config;

    private JavascriptAssertion(GraalJs.Function function, Double threshold, Map<String, Object> config) {
        this.function = function;
        this.threshold = threshold;
        this.config = config;
    }

    static Assertion compile(AssertionSpec spec) {
        String code = Values.text(spec);
        if (FileRef.is(code)) {
            // promptfoo loads it as a CommonJS module; run as an expression it would only be a syntax error
            throw new FieldException("value", "javascript from a file (" + FileRef.name(code) + ") is not supported;"
                    + " write the expression or function body inline");
        }
        String body = code.contains("\n") || code.matches("(?s).*\\breturn\\b.*") ? code : "return (" + code + ");";
        Duration timeout = Timeouts.of(spec, DEFAULT_TIMEOUT);
        try {
            return new JavascriptAssertion(GraalJs.get().function(body, timeout), spec.threshold(), spec.config());
        } catch (GraalJs.ScriptError e) {
            throw new FieldException("value", "javascript: " + e.getMessage());
        }
    }

    @Override
    public Grade grade(Answer answer) {
        String context = JsonText.write(ScriptInput.context(answer, config));
        try {
            return function.call(answer.output(), context, threshold);
        } catch (GraalJs.ScriptError e) {
            return Grade.error("javascript: " + e.getMessage());
        }
    }
}
