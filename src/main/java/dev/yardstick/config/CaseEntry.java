package dev.yardstick.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One entry of a {@code cases:} (or promptfoo {@code tests:}) list as written: a test case, or a text naming a file
 * of them ({@code file://cases.csv}, {@code .jsonl}, {@code .yaml}; see {@link CaseFiles}). {@code options} takes
 * promptfoo's {@code provider}: the judge of the case's graded assertions.
 */
public record CaseEntry(String ref, String description, @JsonAlias("variables") Map<String, Object> vars,
                        @JsonProperty("assert") List<AssertionSpec> asserts, Double threshold,
                        Map<String, Object> metadata, Map<String, ModelOverride> models, CaseOptions options) {

    public CaseEntry {
        asserts = asserts == null ? List.of() : asserts;
    }

    /** A file of cases, by promptfoo's {@code file://} reference. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CaseEntry ref(String ref) {
        return new CaseEntry(ref, null, null, null, null, null, null, null);
    }

    /** promptfoo's per-test {@code options}: Yardstick reads its judge; any other option is refused. */
    public record CaseOptions(String provider) {
    }

    /** The judge this case names for its graded assertions, null when none. */
    public String judge() {
        return options == null ? null : options.provider();
    }

    /** The case as the expansion takes it, written in {@code file} at {@code path}. */
    public SuiteCase toCase(Path file, String path, int line) {
        return new SuiteCase(description, vars, asserts, threshold, null, models, metadata, file, path, line);
    }
}
