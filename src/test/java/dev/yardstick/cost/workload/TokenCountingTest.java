package dev.yardstick.cost.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.tokens.TokenCounters;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TokenCountingTest {

    private static final Function<String, TokenCounter> HOSTED = label -> TokenCounters.forModel(label);

    @Test
    void jtokkitCountsMatchOpenAisPublishedCounts() {
        // OpenAI's cookbook ("How to count tokens with tiktoken"): "tiktoken is great!" is 6 tokens in cl100k_base.
        assertEquals(6, TokenCounters.forModel("gpt-4").count("tiktoken is great!"));
        // "hello world" is two tokens in both encodings.
        assertEquals(2, TokenCounters.forModel("gpt-4o").count("hello world"));
        assertEquals(2, TokenCounters.forModel("gpt-3.5-turbo").count("hello world"));
    }

    @Test
    void samplePromptsAreCountedWithEachModelsOwnTokenizerAndEstimatesAreMarked() {
        String text = "tiktoken is great!";
        Workload prompts = new Workload.Prompts(List.of(new PromptSample(text, null, null, 1.0),
                new PromptSample("hello world", 40.0, null, 3.0)), 10.0);

        TokenProfile openAi = prompts.profileFor("openai/gpt-4", HOSTED);
        assertEquals(List.of(6.0, 2.0), openAi.buckets().stream().map(TokenBucket::input).toList());
        assertEquals(List.of(10.0, 40.0), openAi.buckets().stream().map(TokenBucket::output).toList());
        assertEquals("counted (jtokkit:cl100k_base)", openAi.basis());
        assertFalse(openAi.estimated());
        assertEquals((6 + 3 * 2) / 4.0, openAi.meanInput(), 1e-12);

        TokenProfile claude = prompts.profileFor("anthropic/claude-haiku-4-5", HOSTED);
        assertTrue(claude.estimated(), "no Claude tokenizer here: an estimate, marked");
        assertEquals("estimated (estimate:chars/4)", claude.basis());
        assertEquals(List.of(5.0, 3.0), claude.buckets().stream().map(TokenBucket::input).toList()); // 18/4, 11/4
    }

    @Test
    void theTokenizerSeamTakesAnyCounterForLocalModels() {
        TokenCounter words = new TokenCounter() {
            @Override
            public int count(String text) {
                return text.split("\\s+").length;
            }

            @Override
            public dev.yardstick.provider.TokenSource source() {
                return dev.yardstick.provider.TokenSource.COUNTED;
            }

            @Override
            public String name() {
                return "llama.cpp";
            }
        };
        Function<String, TokenCounter> counters = label -> label.startsWith("local/") ? words : HOSTED.apply(label);
        TokenProfile local = new Workload.Prompts(List.of(new PromptSample("one two three", 5.0, null, null)), null)
                .profileFor("local/stories260k", counters);
        assertEquals(3.0, local.buckets().get(0).input());
        assertEquals("counted (llama.cpp)", local.basis());
    }
}
