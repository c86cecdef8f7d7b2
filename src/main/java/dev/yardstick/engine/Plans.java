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
     * {@code warmup} rounds of the first prompt to every model come first, marked as warm-up: they pay for class
     * loading, JIT and connection set-up, and no statistic includes them.
     */
    public static RequestSource matrix(List<String> models, PromptSet prompts, int repeat, ModelParams params,
                                       int warmup) {
        return matrixByCase(models, prompts, repeat, (model, prompt) -> params, warmup);
    }

    /** The same matrix, each request with the parameters {@code params} gives its model and prompt. */
    public static RequestSource matrixByCase(List<String> models, PromptSet prompts, int repeat,
                                       java.util.function.BiFunction<String, PromptCase, ModelParams> params,
                                       int warmup) {
        List<PromptCase> cases = prompts.prompts();
        long perRepetition = (long) cases.size() * models.size();
        long warmups = (long) warmup * models.size();
        return new RequestSource() {
            @Override
            public long size() {
                return warmups + perRepetition * repeat;
            }

            @Override
            public PlannedRequest get(long sequence) {
                if (sequence < warmups) {
                    PromptCase first = cases.get(0);
                    return new PlannedRequest(sequence, models.get((int) (sequence % models.size())), first.id(),
                            (int) (sequence / models.size()), first.messages(),
                            params.apply(models.get((int) (sequence % models.size())), first), true);
                }
                long index = sequence - warmups;
                int repetition = (int) (index / perRepetition);
                long within = index % perRepetition;
                PromptCase prompt = cases.get((int) (within / models.size()));
                String model = models.get((int) (within % models.size()));
                return new PlannedRequest(sequence, model, prompt.id(), repetition, prompt.messages(),
                        params.apply(model, prompt), false);
            }
        };
    }
}
