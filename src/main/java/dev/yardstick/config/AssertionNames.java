package dev.yardstick.config;

import java.util.Set;

/**
 * promptfoo's assertion type names: how a CSV cell such as {@code contains:park} is told apart from an expected
 * answer, and how a type Yardstick does not run is named as promptfoo's rather than as a typo.
 */
public final class AssertionNames {

    /** Every type promptfoo documents (without the {@code not-} forms), and Yardstick's own additions. */
    public static final Set<String> PROMPTFOO = Set.of("answer-relevance", "assert-set", "bleu", "classifier",
            "contains", "contains-all", "contains-any", "contains-html", "contains-json", "contains-sql",
            "contains-xml", "context-faithfulness", "context-recall", "context-relevance", "conversation-relevance",
            "cost", "equals", "factuality", "finish-reason", "g-eval", "gleu", "guardrails", "icontains",
            "icontains-all", "icontains-any", "is-html", "is-json", "is-refusal", "is-sql", "is-valid-function-call",
            "is-valid-openai-function-call", "is-valid-openai-tools-call", "is-xml", "javascript", "latency",
            "levenshtein", "llm-rubric", "meteor", "model-graded-closedqa", "model-graded-factuality", "moderation",
            "perplexity", "perplexity-score", "pi", "python", "regex", "rouge-n", "ruby", "search-rubric",
            "select-best", "max-score", "human", "similar", "starts-with", "tool-call-f1", "trace-error-spans",
            "trace-span-count", "trace-span-duration", "webhook", "word-count");
    /** Yardstick's kinds that promptfoo does not have. */
    public static final Set<String> YARDSTICK = Set.of("command", "max-tokens", "json-schema");

    private AssertionNames() {
    }

    /** Whether {@code type} (a {@code not-} form included) names a promptfoo or Yardstick assertion kind. */
    public static boolean known(String type) {
        String kind = type.startsWith("not-") ? type.substring(4) : type;
        return PROMPTFOO.contains(kind) || YARDSTICK.contains(kind);
    }
}
