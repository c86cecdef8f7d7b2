package dev.yardstick.cost.workload;

import dev.yardstick.cost.prices.ProviderNames;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The tokens a scenario's requests carry, which may depend on the model (sample prompts are counted per model). */
public sealed interface Workload {

    /**
     * The requests as {@code model} sees them.
     *
     * @param counters the tokenizer of each model by its {@code provider/model} name (hosted ones through
     *                 {@link dev.yardstick.provider.tokens.TokenCounters}, local GGUF ones through their own)
     */
    TokenProfile profileFor(String model, Function<String, TokenCounter> counters);

    /** Token counts that are the same for every model: given means or a distribution, or an observed log. */
    record Fixed(TokenProfile profile) implements Workload {
        @Override
        public TokenProfile profileFor(String model, Function<String, TokenCounter> counters) {
            return profile;
        }
    }

    /** Sample prompts, counted with each model's tokenizer; {@code output} is the default output per request. */
    record Prompts(List<PromptSample> prompts, Double output) implements Workload {

        public Prompts {
            prompts = List.copyOf(prompts);
        }

        @Override
        public TokenProfile profileFor(String model, Function<String, TokenCounter> counters) {
            TokenCounter counter = counters.apply(model);
            List<TokenBucket> buckets = prompts.stream()
                    .map(p -> new TokenBucket((double) counter.count(p.text()), outputOf(p, counter), p.weight()))
                    .toList();
            boolean estimated = counter.source() == TokenSource.ESTIMATED;
            return new TokenProfile(buckets, (estimated ? "estimated (" : "counted (") + counter.name() + ")",
                    estimated);
        }

        private double outputOf(PromptSample prompt, TokenCounter counter) {
            if (prompt.answer() != null) {
                return counter.count(prompt.answer());
            }
            return prompt.output() != null ? prompt.output() : output;
        }
    }

    /**
     * Tokens observed in a real run (a compare, benchmark or switch-test report). A model that took part is costed
     * with its own counts; any other is costed with the run's texts counted by its tokenizer ({@code texts}), or,
     * where the run kept no complete texts, with the counts observed on the run's models ({@code pooled}).
     */
    record Observed(Map<String, TokenProfile> byModel, Prompts texts, TokenProfile pooled) implements Workload {

        public Observed {
            Map<String, TokenProfile> keyed = new LinkedHashMap<>();
            byModel.forEach((model, profile) -> keyed.put(ProviderNames.key(model), profile));
            byModel = Map.copyOf(keyed);
        }

        @Override
        public TokenProfile profileFor(String model, Function<String, TokenCounter> counters) {
            TokenProfile own = byModel.get(ProviderNames.key(model));
            if (own != null) {
                return own;
            }
            if (texts != null) {
                TokenProfile counted = texts.profileFor(model, counters);
                return new TokenProfile(counted.buckets(), counted.basis() + " from the run's texts",
                        counted.estimated());
            }
            return pooled;
        }
    }
}
