package dev.yardstick.cost;

import dev.yardstick.config.InputException;

/**
 * A sample prompt of a scenario: its text is counted with each candidate's own tokenizer, because the same text
 * costs different tokens on different models. The output cannot be counted before it exists, so it is given:
 * here, or once for all prompts in the scenario's {@code tokens.output}.
 */
public record PromptSample(String text, Double output, Double weight) {

    public PromptSample {
        if (text == null || text.isEmpty()) {
            throw new InputException("a prompt needs its 'text'");
        }
        if (output != null && (output < 0 || output.isNaN() || output.isInfinite())) {
            throw new InputException("'output' tokens must not be negative, got " + output);
        }
        weight = weight == null ? 1.0 : weight;
        if (!(weight > 0) || weight.isInfinite()) {
            throw new InputException("'weight' must be positive, got " + weight);
        }
    }
}
