package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.Durations;
import dev.yardstick.config.Expectation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an answer against an {@link Expectation} (the {@code expect:} block of prompt sets and conversation
 * scripts) through the assertion engine: {@code contains} is {@code icontains}, {@code not-contains} is
 * {@code not-icontains}, {@code max-latency} is {@code latency}. The checks keep the names they always had.
 */
public final class Checker {

    private Checker() {
    }

    /** The expectation as promptfoo-style assertions, in the order its checks are reported. */
    public static List<AssertionSpec> assertions(Expectation expectation) {
        List<AssertionSpec> specs = new ArrayList<>();
        if (expectation == null) {
            return specs;
        }
        expectation.contains().forEach(needle -> specs.add(AssertionSpec.of("icontains", needle, null)));
        expectation.notContains().forEach(needle -> specs.add(AssertionSpec.of("not-icontains", needle, null)));
        if (expectation.regex() != null) {
            specs.add(AssertionSpec.of("regex", expectation.regex(), null));
        }
        if (expectation.maxTokens() != null) {
            specs.add(AssertionSpec.of("max-tokens", expectation.maxTokens(), null));
        }
        if (expectation.maxLatencyDuration() != null) {
            specs.add(AssertionSpec.of("latency", null, expectation.maxLatencyDuration().toNanos() / 1e6));
        }
        return specs;
    }

    /**
     * @param text         the answer
     * @param outputTokens the answer's output tokens
     * @param e2eNanos     the request's end-to-end latency; negative when it was not timed (a cached answer)
     */
    public static List<CheckResult> check(Expectation expectation, String text, int outputTokens, long e2eNanos) {
        List<AssertionSpec> specs = assertions(expectation);
        Answer answer = new Answer(text, outputTokens, e2eNanos, null, null, null, null);
        CaseResult graded = CaseAssertions.compile(specs, null, Path.of(".")).grade(answer);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            AssertionResult r = graded.assertions().get(i);
            results.add(new CheckResult(name(specs.get(i), expectation), r.pass(), r.pass() ? "" : detail(r, e2eNanos)));
        }
        return results;
    }

    private static String name(AssertionSpec spec, Expectation expectation) {
        return switch (spec.type()) {
            case "icontains" -> "contains \"" + spec.value() + "\"";
            case "not-icontains" -> "does not contain \"" + spec.value() + "\"";
            case "regex" -> "matches /" + spec.value() + "/";
            case "max-tokens" -> "at most " + spec.value() + " tokens";
            default -> "latency at most " + expectation.maxLatency();
        };
    }

    /** What was seen, as the checks always said it: "not found in the answer", "57 tokens", "6.2 s". */
    private static String detail(AssertionResult r, long e2eNanos) {
        return switch (r.type()) {
            case "icontains" -> "not found in the answer";
            case "not-icontains" -> "found in the answer";
            case "max-tokens" -> r.reason().substring(0, r.reason().indexOf(" >"));
            case "latency" -> e2eNanos < 0 ? r.reason() : Durations.formatNanos(e2eNanos);
            default -> r.reason();
        };
    }
}
