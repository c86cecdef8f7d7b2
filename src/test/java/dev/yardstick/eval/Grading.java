package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import java.nio.file.Path;
import java.util.Map;

/** Grades fixed answers with one assertion, for the engine's tests. */
final class Grading {

    static final Path HERE = Path.of("").toAbsolutePath();

    private Grading() {
    }

    static Grade grade(String type, Object value, Double threshold, String output) {
        return grade(AssertionSpec.of(type, value, threshold), answer(output));
    }

    static Grade grade(AssertionSpec spec, Answer answer) {
        return AssertionTypes.compile(spec, HERE).grade(answer);
    }

    static Answer answer(String output) {
        return new Answer(output, 12, 250_000_000L, 0.002, "case-1", "Say hello", Map.of("name", "Lily"));
    }

    static boolean passes(String type, Object value, String output) {
        return grade(type, value, null, output).pass();
    }
}
