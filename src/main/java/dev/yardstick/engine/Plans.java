package dev.yardstick.engine;

import dev.yardstick.config.ModelParams;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptSet;
import java.util.List;

/** Builds the request sources of the common plans. */
public final class Plans {

    private Plans() {
    }

    /**
     * Every model × every prompt × {@code repeat}, interleaved so that the models take turns (repetition, then
     * prompt, then model): they share the same conditions over the run rather than one model running first.
     */
    public static RequestSource matrix(List<String> models, PromptSet prompts, int repeat, ModelParams params) {
        List<PromptCase> cases = prompts.prompts();
        long perRepetition = (long) cases.size() * models.size();
        return new RequestSource() {
            @Override
            public long size() {
                return perRepetition * repeat;
            }

            @Override
            public PlannedRequest get(long index) {
                int repetition = (int) (index / perRepetition);
                long within = index % perRepetition;
                PromptCase prompt = cases.get((int) (within / models.size()));
                String model = models.get((int) (within % models.size()));
                return new PlannedRequest(index, model, prompt.id(), repetition, prompt.messages(), params, false);
            }
        };
    }
}
