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
 * request, and no two requests share a prefix a server could cache — unless a {@link SharedPrefix} is given: then
 * every prompt begins with a prefix of its length, the same text for the requests in its share (their ids end in
 * {@value SharedPrefix#SHARED_ID_SUFFIX}) and text of their own for the others, before their drawn length.
 */
final class SyntheticPrompts implements PromptSource {

    /** Keeps the shared prefix's words apart from every request's own draw. */
    private static final long PREFIX_SALT = 0x5AA2EDL;

    private final LengthDistribution lengths;
    private final long seed;
    private final SharedPrefix prefix;
    private final Map<String, PromptBuilder> builders = new HashMap<>();
    private final Map<String, String> sharedPrefixes = new HashMap<>();

    SyntheticPrompts(LengthDistribution lengths, long seed, Map<String, ModelClient> models) {
        this(lengths, seed, null, models);
    }

    /** @param prefix the prefix some prompts share, null for none */
    SyntheticPrompts(LengthDistribution lengths, long seed, SharedPrefix prefix, Map<String, ModelClient> models) {
        this.lengths = lengths;
        this.seed = seed;
        this.prefix = prefix;
        models.forEach((label, client) -> {
            PromptBuilder builder = new PromptBuilder(client.tokenCounter());
            builders.put(label, builder);
            if (prefix != null) { // built once: the same bytes for every request in the share
                sharedPrefixes.put(label, builder.build(prefix.tokens(), new SplittableRandom(PromptBuilder.mix(seed ^ PREFIX_SALT,
                        0))));
            }
        });
    }

    @Override
    public Prompt prompt(long index, String model) {
        SplittableRandom random = new SplittableRandom(PromptBuilder.mix(seed, index));
        int tokens = lengths.sample(random);
        PromptBuilder builder = builders.get(model);
        String id = index < 0 ? "warmup-" + (-1 - index) : "synthetic-" + index;
        if (prefix == null) {
            return new Prompt(id, 0, List.of(Message.user(builder.build(tokens, random))));
        }
        boolean shared = prefix.shares(index);
        String head = shared ? sharedPrefixes.get(model) : builder.build(prefix.tokens(), random);
        return new Prompt(shared ? id + SharedPrefix.SHARED_ID_SUFFIX : id, 0,
                List.of(Message.user(head + " " + builder.build(tokens, random))));
    }
}
