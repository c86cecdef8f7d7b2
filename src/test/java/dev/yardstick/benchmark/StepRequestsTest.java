package dev.yardstick.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.ModelParams;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.Message;
import dev.yardstick.engine.PlannedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Warm-up marking and the shard split: disjoint, complete, and the same prompts as one run. */
class StepRequestsTest {

    private static final List<String> MODELS = List.of("mock/a", "mock/b");
    private static final PromptSource PROMPTS = new PromptSource.Cycle(new PromptSet("p", null, List.of(
            new PromptCase("one", List.of(Message.user("1")), null),
            new PromptCase("two", List.of(Message.user("2")), null),
            new PromptCase("three", List.of(Message.user("3")), null))));

    private static List<PlannedRequest> all(StepRequests source) {
        List<PlannedRequest> out = new ArrayList<>();
        for (long i = 0; i < source.size(); i++) {
            out.add(source.get(i));
        }
        return out;
    }

    private static StepRequests requests(Shard shard, long total, Warmup warmup, AtomicLong clock) {
        return new StepRequests(MODELS, PROMPTS, ModelParams.DEFAULTS, shard, total, warmup, clock::get);
    }

    @Test
    void shardsTogetherSendExactlyTheRequestsOfOneRun() {
        AtomicLong clock = new AtomicLong();
        for (long total : new long[] {1, 7, 30, 31}) {
            List<PlannedRequest> whole = all(requests(Shard.WHOLE, total, Warmup.NONE, clock));
            assertEquals(total, whole.size());
            for (int count : new int[] {2, 3}) {
                TreeSet<Long> seen = new TreeSet<>();
                for (int i = 0; i < count; i++) {
                    for (PlannedRequest r : all(requests(new Shard(i, count), total, Warmup.NONE, clock))) {
                        assertTrue(seen.add(r.sequence()), "request " + r.sequence() + " on two shards");
                        PlannedRequest single = whole.get((int) r.sequence());
                        assertEquals(single.model(), r.model(), "same model as in one run");
                        assertEquals(single.messages(), r.messages(), "same prompt as in one run");
                    }
                }
                assertEquals(total, seen.size(), total + " requests over " + count + " shards");
                assertEquals(total - 1, seen.last());
            }
        }
    }

    @Test
    void everyShardKeepsTheModelsTakingTurns() {
        List<PlannedRequest> second = all(requests(new Shard(1, 2), 40, Warmup.NONE, new AtomicLong()));
        assertEquals(20, second.size());
        assertEquals(10, second.stream().filter(r -> r.model().equals("mock/a")).count());
        assertEquals(second.get(0).messages(), second.get(1).messages(), "both models get each round's prompt");
    }

    @Test
    void countedWarmupComesFirstAndIsMarked() {
        List<PlannedRequest> all = all(requests(Shard.WHOLE, 10, new Warmup(4, Duration.ZERO), new AtomicLong()));
        assertEquals(14, all.size(), "warm-up comes on top of the measured requests");
        assertTrue(all.subList(0, 4).stream().allMatch(PlannedRequest::warmup));
        assertFalse(all.subList(4, 14).stream().anyMatch(PlannedRequest::warmup));
        assertEquals(0, all.get(4).sequence(), "measured requests are numbered from 0");
        assertTrue(all.get(0).sequence() < 0, "warm-ups are numbered apart");
    }

    @Test
    void timedWarmupLastsItsTimeThenTheMeasuredCountIsKnown() {
        AtomicLong clock = new AtomicLong(1_000);
        StepRequests source = requests(Shard.WHOLE, 5, new Warmup(0, Duration.ofSeconds(2)), clock);
        assertEquals(Long.MAX_VALUE, source.size(), "unknown while warming up");
        assertTrue(source.get(0).warmup());
        clock.addAndGet(1_999_999_999L);
        assertTrue(source.get(1).warmup());
        assertTrue(source.get(2).warmup());
        clock.addAndGet(1);
        PlannedRequest first = source.get(3);
        assertFalse(first.warmup());
        assertEquals(0, first.sequence());
        assertEquals(8, source.size(), "three warm-ups, then five measured");
        clock.addAndGet(-10_000_000_000L);
        assertFalse(source.get(4).warmup(), "once over, the warm-up stays over");
    }
}
