package dev.yardstick.benchmark.workload;

import dev.yardstick.benchmark.PromptBuilder;
import dev.yardstick.config.Message;
import dev.yardstick.provider.ModelClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The prompt of each trace request, in the target model's own tokens: the trace's messages where it has them, else
 * synthetic text of its input length. A request with Mooncake hash ids is built block by block, each block
 * {@value TraceFormat#BLOCK_TOKENS} tokens of text drawn from the block's id alone, so requests that share ids share
 * their prefix byte for byte, as the traced requests did; what the blocks do not cover is text of its own.
 */
final class TracePrompts {

    /** Keeps block texts apart from requests' own text drawn with the same number. */
    private static final long BLOCK_SALT = 0xB10C5L;
    /**
     * Block texts kept, the most recently used: a block is about 2 KB of text, so some 8 MB at most, and a trace's
     * shared prefixes are reused while they are recent.
     */
    static final int BLOCKS_KEPT = 4096;

    private final long seed;
    private final Map<String, PromptBuilder> builders = new HashMap<>();
    private final BlockCache blocks;
    private final AtomicLong blocksBuilt = new AtomicLong();

    TracePrompts(long seed, Map<String, ModelClient> models) {
        this(seed, models, BLOCKS_KEPT);
    }

    TracePrompts(long seed, Map<String, ModelClient> models, int blocksKept) {
        this.seed = seed;
        this.blocks = new BlockCache(blocksKept);
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
            append(text, block(builder, new Block(model, id, tokens)));
            remaining -= tokens;
        }
        if (remaining > 0) {
            append(text, builder.build(remaining, new SplittableRandom(PromptBuilder.mix(seed, index))));
        }
        return text.toString();
    }

    /**
     * A block's text, drawn from its id alone, so the same for every request that names it: built once, then taken
     * from the cache while it is kept (built again, identically, once it is not).
     */
    private String block(PromptBuilder builder, Block block) {
        String text = blocks.get(block);
        if (text == null) {
            // built outside the lock: two requests that miss at once build the same text, and either is kept
            text = builder.build(block.tokens(), new SplittableRandom(PromptBuilder.mix(seed ^ BLOCK_SALT,
                    block.hashId())));
            blocksBuilt.incrementAndGet();
            blocks.put(block, text);
        }
        return text;
    }

    /** How many block texts were built (not taken from the cache). */
    long blocksBuilt() {
        return blocksBuilt.get();
    }

    /** A block as one model's tokenizer writes it; the last block of a request may be shorter than the others. */
    private record Block(String model, long hashId, int tokens) {
    }

    /** The most recently used block texts, for the threads that build requests. */
    private static final class BlockCache {
        private final Map<Block, String> kept;

        BlockCache(int capacity) {
            this.kept = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Block, String> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized String get(Block block) {
            return kept.get(block);
        }

        synchronized void put(Block block, String text) {
            kept.put(block, text);
        }
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(part);
    }
}
