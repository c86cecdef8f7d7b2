package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;
import java.util.List;

/**
 * A scenario's {@code tokens:} as written: mean {@code input} and {@code output} per request, or a
 * {@code distribution} of {@code {input, output, weight}} buckets, or sample {@code prompts} (counted per model)
 * with their {@code output} given per prompt or once here.
 */
record TokensSpec(Double input, Double output, List<TokenBucket> distribution, List<PromptSample> prompts) {

    public TokensSpec {
        int kinds = (distribution != null ? 1 : 0) + (prompts != null ? 1 : 0)
                + (distribution == null && prompts == null ? 1 : 0);
        if (kinds != 1 || (distribution != null && (input != null || output != null))) {
            throw new InputException("give either mean 'input' and 'output', or a 'distribution', or 'prompts'"
                    + " (with an 'output'), not several");
        }
        if (prompts != null) {
            if (input != null) {
                throw new InputException("'input' is counted from the 'prompts'; remove it");
            }
            if (prompts.isEmpty()) {
                throw new InputException("'prompts' is empty");
            }
            for (int i = 0; i < prompts.size(); i++) {
                if (!prompts.get(i).givesOutput() && output == null) {
                    throw new InputException("prompt " + (i + 1) + " gives no 'output' tokens or 'answer', and "
                            + "there is no 'output' for all prompts");
                }
            }
        } else if (distribution != null) {
            if (distribution.isEmpty()) {
                throw new InputException("'distribution' is empty");
            }
        } else {
            // The mean form: both numbers are needed, and TokenBucket says which one is missing or negative.
            new TokenBucket(input, output, null);
        }
    }

    Workload toWorkload() {
        if (prompts != null) {
            return new Workload.Prompts(prompts, output);
        }
        if (distribution != null) {
            return new Workload.Fixed(new TokenProfile(distribution, "given (distribution)", false));
        }
        return new Workload.Fixed(TokenProfile.mean(input, output));
    }
}
