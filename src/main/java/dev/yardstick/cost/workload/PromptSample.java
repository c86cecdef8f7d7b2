package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;

/**
 * A sample prompt of a scenario: its text is counted with each candidate's own tokenizer, because the same text
 * costs different tokens on different models. The output cannot be counted before it exists: give a sample
 * {@code answer} (counted like the prompt), or an {@code output} token count here, or one for all prompts in the
 * scenario's {@code tokens.output}.
 */
public record PromptSample(String text, Double output, String answer, Double weight) {

    public PromptSample {
        if (text == null || text.isEmpty()) {
            throw new InputException("a prompt needs its 'text'");
        }
        if (output != null && (output < 0 || output.isNaN() || output.isInfinite())) {
            throw new InputException("'output' tokens must not be negative, got " + output);
        }
        if (output != null && answer != null) {
            throw new InputException("give a prompt's 'output' tokens or a sample 'answer', not both");
        }
        weight = weight == null ? 1.0 : weight;
        if (!(weight > 0) || weight.isInfinite()) {
            throw new InputException("'weight' must be positive, got " + weight);
        }
    }

    /** True when this prompt says how long its answer is (a count or a sample answer). */
    boolean givesOutput() {
        return output != null || answer != null;
    }
}
