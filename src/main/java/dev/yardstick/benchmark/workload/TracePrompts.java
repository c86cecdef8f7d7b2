package dev.yardstick.benchmark.workload;

import dev.yardstick.benchmark.PromptBuilder;
import dev.yardstick.config.Message;
import dev.yardstick.provider.ModelClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The prompt of each trace request, in the target model's own tokens: the trace's messages where it has them, else
 * synthetic text of its input length. A request with Mooncake hash ids is built block by block, each block
 * {@value TraceFormat#BLOCK_TOKENS} tokens of text drawn from the block's id alone, so requests that share ids share
 * their prefix byte for byte, as the traced requests did; what the blocks do not cover is text of its own.
 */
final class TracePrompts {

    /** Keeps block texts apart from requests' own text drawn with the same number. */
    private static final long BLOCK_SALT = 0xB10C5L;

    private final long seed;
    private final Map<String, PromptBuilder> builders = new HashMap<>();

    TracePrompts(long seed, Map<String, ModelClient> models) {
        this.seed = seed;
        models.forEach((label, client) -> builders.put(label, new PromptBuilder(client.tokenCounter())));
    }

    List<Message> messages(TraceEntry entry, long index, String model) {
        if (!entry.messages().isEmpty()) {
            return entry.messages();
        }
        return List.of(Message.user(text(entry, index, model)));
    }

    private String text(TraceEntry entry, long index, String model) {
        PromptBuilder builder = builders.get(model);
        int remaining = Math.max(1, entry.inputTokens());
        StringBuilder text = new StringBuilder();
        for (long id : entry.hashIds()) {
            if (remaining == 0) {
                break;
            }
            int tokens = Math.min(TraceFormat.BLOCK_TOKENS, remaining);
            append(text, builder.build(tokens, new SplittableRandom(PromptBuilder.mix(seed ^ BLOCK_SALT, id))));
            remaining -= tokens;
        }
        if (remaining > 0) {
            append(text, builder.build(remaining, new SplittableRandom(PromptBuilder.mix(seed, index))));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(part);
    }
}
