package dev.yardstick.benchmark;

import dev.yardstick.config.Message;
import dev.yardstick.provider.ModelClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic prompts of a given length distribution, measured in each target model's own tokens: request
 * {@code i} gets a length drawn from the distribution and random words to that length, both from a generator
 * seeded with the plan's seed and {@code i}, so every run and every shard builds the same prompt for the same
 * request, and no two requests share a prefix a server could cache.
 */
final class SyntheticPrompts implements PromptSource {

    private final LengthDistribution lengths;
    private final long seed;
    private final Map<String, PromptBuilder> builders = new HashMap<>();

    SyntheticPrompts(LengthDistribution lengths, long seed, Map<String, ModelClient> models) {
        this.lengths = lengths;
        this.seed = seed;
        models.forEach((label, client) -> builders.put(label, new PromptBuilder(client.tokenCounter())));
    }

    @Override
    public Prompt prompt(long index, String model) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        int tokens = lengths.sample(random);
        String text = builders.get(model).build(tokens, random);
        return new Prompt(index < 0 ? "warmup-" + (-1 - index) : "synthetic-" + index, 0,
                List.of(Message.user(text)));
    }

    /** A well-spread seed for each (plan seed, index) pair (SplitMix64's finalizer). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
