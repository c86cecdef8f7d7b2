package dev.yardstick.config;


import java.util.List;
import java.util.Map;

/**
 * One prompt of a prompt set: its id, the messages to send (variables already filled in), what to expect, and its
 * promptfoo-style assertions: the {@code vars} they see, the assertions ({@code assert:}, placeholders filled) and
 * the score the case needs ({@code threshold}, null when every assertion must pass). {@code overrides} holds what
 * the case sets for one model only (generation parameters, more assertions), by model label; {@code metadata} is
 * carried as written, for the report.
 */
public record PromptCase(String id, List<Message> messages, Expectation expect, Map<String, String> vars,
                         List<AssertionSpec> asserts, Double threshold, Map<String, ModelOverride> overrides,
                         Map<String, Object> metadata) {

    public PromptCase {
        messages = List.copyOf(messages);
        vars = vars == null ? Map.of() : Map.copyOf(vars);
        asserts = asserts == null ? List.of() : List.copyOf(asserts);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public PromptCase(String id, List<Message> messages, Expectation expect, Map<String, String> vars,
                      List<AssertionSpec> asserts, Double threshold) {
        this(id, messages, expect, vars, asserts, threshold, null, null);
    }

    /** A case with no assertions beyond its expectation. */
    public PromptCase(String id, List<Message> messages, Expectation expect) {
        this(id, messages, expect, null, null, null);
    }

    /** The same case sending other messages. */
    public PromptCase withMessages(List<Message> newMessages) {
        return new PromptCase(id, newMessages, expect, vars, asserts, threshold, overrides, metadata);
    }

    /** What the case sets for {@code model}: its parameters and extra assertions; {@link ModelOverride#NONE} if nothing. */
    public ModelOverride override(String model) {
        return overrides.getOrDefault(model, ModelOverride.NONE);
    }

    /** The text of the last user message, for display. */
    public String promptText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
    }
}
