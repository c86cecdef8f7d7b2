package dev.yardstick.benchmark;

import dev.yardstick.config.Message;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptSet;
import dev.yardstick.provider.ModelClient;
import java.util.List;
import java.util.Map;

/**
 * The prompt of each request, by its plan-wide index: a prompt set cycled, or synthetic prompts. Produced on
 * demand, so a million-request plan never holds a million prompts; the same index always gives the same prompt, on
 * every shard.
 */
public interface PromptSource {

    /** The prompt for request {@code index} to {@code model}; a warm-up request passes a negative index. */
    Prompt prompt(long index, String model);

    /**
     * @param repetition  how many times this prompt came before (a prompt set's cycle), 0 for synthetic ones
     */
    record Prompt(String id, int repetition, List<Message> messages) {
    }

    static PromptSource of(BenchmarkPlan plan, Map<String, ModelClient> models) {
        return plan.prompts() != null ? new Cycle(plan.prompts())
                : new SyntheticPrompts(plan.inputTokens() == null ? BenchmarkPlan.DEFAULT_INPUT_TOKENS
                : plan.inputTokens(), plan.seed(), plan.prefix(), models);
    }

    /** A prompt set, prompt after prompt, again and again; warm-ups use the first prompts. */
    record Cycle(PromptSet set) implements PromptSource {
        @Override
        public Prompt prompt(long index, String model) {
            int n = set.prompts().size();
            long i = index < 0 ? -1 - index : index;
            PromptCase c = set.prompts().get((int) (i % n));
            return new Prompt(c.id(), (int) Math.min(Integer.MAX_VALUE, i / n), c.messages());
        }
    }
}
