package dev.yardstick.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test case as written (promptfoo's "test"): its {@code description}, {@code vars} (a list value makes a matrix,
 * see {@link VarsMatrix}), assertions, {@code threshold}, {@code metadata} and per-model overrides, with where it
 * was written ({@code file}, the field {@code path} such as {@code tests[2]}, and its {@code line}) so that a mistake
 * in it is reported there. Every field may be empty; a prompt entry, a file's {@code defaults:} and a row of a
 * cases file are all one of these.
 */
public record SuiteCase(String description, Map<String, Object> vars, List<AssertionSpec> asserts, Double threshold,
                        Expectation expect, Map<String, ModelOverride> models, Map<String, Object> metadata,
                        Path file, String path, int line) {

    public SuiteCase {
        vars = vars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        asserts = asserts == null ? List.of() : List.copyOf(asserts);
        models = models == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        metadata = metadata == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Nothing set: the defaults of a file that has none. */
    public static SuiteCase none(Path file, String path) {
        return new SuiteCase(null, null, null, null, null, null, null, file, path, 0);
    }
}
