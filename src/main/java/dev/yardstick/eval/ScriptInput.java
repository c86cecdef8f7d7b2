package dev.yardstick.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a code assertion is given about the answer: as {@code context} to javascript, and on stdin (with the
 * answer as {@code output}) to a command: {@code vars}, the {@code case} (its id and the prompt as sent), the
 * answer's latency, tokens and cost, and the assertion's own {@code config}.
 */
final class ScriptInput {

    private ScriptInput() {
    }

    static Map<String, Object> context(Answer answer, Map<String, Object> config) {
        Map<String, Object> testCase = new LinkedHashMap<>();
        testCase.put("id", answer.caseId());
        testCase.put("prompt", answer.prompt());
        testCase.put("vars", answer.vars());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("vars", answer.vars());
        context.put("prompt", answer.prompt());
        context.put("case", testCase);
        context.put("latencyMs", answer.timed() ? answer.latencyMs() : null);
        context.put("outputTokens", answer.outputTokens());
        context.put("costUsd", answer.costUsd());
        context.put("config", config);
        return context;
    }

    /** The JSON a command reads on stdin. */
    static String stdin(Answer answer, Map<String, Object> config) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("output", answer.output());
        input.putAll(context(answer, config));
        return JsonText.write(input);
    }
}
