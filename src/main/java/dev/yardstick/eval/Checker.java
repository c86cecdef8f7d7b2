package dev.yardstick.eval;

import dev.yardstick.config.Durations;
import dev.yardstick.config.Expectation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks an answer against an {@link Expectation}. */
public final class Checker {

    private Checker() {
    }

    /**
     * @param text       the answer
     * @param outputTokens the answer's output tokens
     * @param e2eNanos   the request's end-to-end latency
     */
    public static List<CheckResult> check(Expectation expectation, String text, int outputTokens, long e2eNanos) {
        List<CheckResult> results = new ArrayList<>();
        if (expectation == null) {
            return results;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String needle : expectation.contains()) {
            boolean ok = lower.contains(needle.toLowerCase(Locale.ROOT));
            results.add(new CheckResult("contains \"" + needle + "\"", ok, ok ? "" : "not found in the answer"));
        }
        for (String needle : expectation.notContains()) {
            boolean ok = !lower.contains(needle.toLowerCase(Locale.ROOT));
            results.add(new CheckResult("does not contain \"" + needle + "\"", ok, ok ? "" : "found in the answer"));
        }
        if (expectation.regex() != null) {
            boolean ok = Pattern.compile(expectation.regex()).matcher(text).find();
            results.add(new CheckResult("matches /" + expectation.regex() + "/", ok, ok ? "" : "no match"));
        }
        if (expectation.maxTokens() != null) {
            boolean ok = outputTokens <= expectation.maxTokens();
            results.add(new CheckResult("at most " + expectation.maxTokens() + " tokens", ok,
                    ok ? "" : outputTokens + " tokens"));
        }
        Duration maxLatency = expectation.maxLatencyDuration();
        if (maxLatency != null) {
            boolean ok = e2eNanos <= maxLatency.toNanos();
            results.add(new CheckResult("latency at most " + expectation.maxLatency(), ok,
                    ok ? "" : Durations.formatNanos(e2eNanos)));
        }
        return results;
    }
}
