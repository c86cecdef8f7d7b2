package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.mock.MockProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mooncake blocks are built once per hash id and length, and the text sent is the same cached or not. */
class TracePromptsTest {

    private static final String MODEL = "mock/instant";

    private static Map<String, ModelClient> models() {
        return Map.of(MODEL, new MockProvider().open(ModelSpec.parse(MODEL), new ProviderContext(Map.of(), null)));
    }

    /** Twenty requests over five ids, each sharing the prefix of ids 1 and 2, the last block of each cut short. */
    private static List<TraceEntry> entries() {
        List<TraceEntry> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Long> ids = List.of(1L, 2L, 3L + i % 3);
            entries.add(new TraceEntry(i, 2 * TraceFormat.BLOCK_TOKENS + 100, 5, ids, List.of()));
        }
        return entries;
    }

    private static List<List<Message>> prompts(TracePrompts prompts) {
        List<List<Message>> out = new ArrayList<>();
        List<TraceEntry> entries = entries();
        for (int i = 0; i < entries.size(); i++) {
            out.add(prompts.messages(entries.get(i), i, MODEL));
        }
        return out;
    }

    @Test
    void eachBlockIsBuiltOnceAndSentByteForByteAsIfBuiltAgain() {
        TracePrompts cached = new TracePrompts(7, models());
        List<List<Message>> sent = prompts(cached);
        assertEquals(5, cached.blocksBuilt(), "ids 1 and 2 whole, ids 3, 4 and 5 cut to 100 tokens: once each");
        TracePrompts rebuilt = new TracePrompts(7, models(), 1);
        assertEquals(sent, prompts(rebuilt), "a block built again is the same text");
        assertTrue(rebuilt.blocksBuilt() > 20, "with one block kept nearly every block is built again: "
                + rebuilt.blocksBuilt());
        String first = sent.getFirst().getFirst().content();
        String second = sent.get(1).getFirst().content();
        int shared = first.indexOf(' ', first.length() / 2);
        assertEquals(first.substring(0, shared), second.substring(0, shared), "the shared prefix");
    }
}
