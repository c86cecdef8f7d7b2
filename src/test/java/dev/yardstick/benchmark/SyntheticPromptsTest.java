package dev.yardstick.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.TokenSource;
import dev.yardstick.provider.tokens.EstimatingCounter;
import dev.yardstick.provider.tokens.TokenCounters;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Synthetic prompts are exactly as long as asked in the target's tokens, cheap, and the same on every run. */
class SyntheticPromptsTest {

    /** A tokenizer of two-letter pieces, so most words are several tokens: the builder must count and fit. */
    private static final TokenCounter SYLLABLES = new TokenCounter() {
        @Override
        public int count(String text) {
            int tokens = 0;
            for (String word : text.strip().split("\\s+")) {
                tokens += word.isEmpty() ? 0 : (word.length() + 1) / 2;
            }
            return tokens;
        }

        @Override
        public TokenSource source() {
            return TokenSource.COUNTED;
        }

        @Override
        public String name() {
            return "syllables";
        }
    };

    @Test
    void openAiPromptsAreExactWithoutCountingEachOne() {
        TokenCounter o200k = TokenCounters.forModel("gpt-4o-mini");
        PromptBuilder builder = new PromptBuilder(o200k);
        assertTrue(builder.additive(), "common words are single o200k tokens and add up");
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[] {1, 5, 128, 1000, 4096}) {
            assertEquals(n, o200k.count(builder.build(n, random)), "length " + n);
        }
    }

    @Test
    void tokenizersThatSplitWordsAreFittedByCounting() {
        PromptBuilder builder = new PromptBuilder(SYLLABLES);
        assertFalse(builder.additive());
        SplittableRandom random = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 17, 300}) {
            int got = SYLLABLES.count(builder.build(n, random));
            assertTrue(Math.abs(got - n) <= 1, "whole words reach " + n + " within a token: " + got);
        }
    }

    @Test
    void anEstimatingCounterStillGetsCloseLengths() {
        PromptBuilder builder = new PromptBuilder(EstimatingCounter.INSTANCE);
        SplittableRandom random = new SplittableRandom(8);
        for (int n : new int[] {10, 256}) {
            int got = EstimatingCounter.INSTANCE.count(builder.build(n, random));
            assertTrue(Math.abs(got - n) <= 1, n + " → " + got);
        }
    }

    @Test
    void theSameIndexGivesTheSamePromptAndNeighboursDiffer() {
        TokenCounter o200k = TokenCounters.forModel("gpt-4o");
        SyntheticPrompts prompts = new SyntheticPrompts(LengthDistribution.parse("uniform:50-60"), 42,
                java.util.Map.of("openai/gpt-4o", new CounterOnly(o200k)));
        PromptSource.Prompt seven = prompts.prompt(7, "openai/gpt-4o");
        assertEquals(seven, prompts.prompt(7, "openai/gpt-4o"), "deterministic: shards and reruns agree");
        assertNotEquals(seven.messages(), prompts.prompt(8, "openai/gpt-4o").messages());
        assertEquals("synthetic-7", seven.id());
        int length = o200k.count(seven.messages().getFirst().content());
        assertTrue(length >= 50 && length <= 60, "drawn from the distribution: " + length);
        assertEquals("warmup-0", prompts.prompt(-1, "openai/gpt-4o").id());
    }

    /** A model that only brings its tokenizer: all synthetic prompts need. */
    record CounterOnly(TokenCounter tokenCounter) implements dev.yardstick.provider.ModelClient {
        @Override
        public dev.yardstick.config.ModelSpec spec() {
            return dev.yardstick.config.ModelSpec.parse("openai/gpt-4o");
        }

        @Override
        public dev.langchain4j.model.chat.StreamingChatModel chatModel() {
            throw new UnsupportedOperationException("prompts only");
        }

        @Override
        public java.util.OptionalInt contextWindow() {
            return java.util.OptionalInt.empty();
        }
    }
}
