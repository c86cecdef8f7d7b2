package dev.yardstick.cost.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import org.junit.jupiter.api.Test;

/** Reasoning tokens are billed as output, whether the provider counted them or we did. */
class ReasoningPriceTest {

    /** $1 per 1M input tokens, $10 per 1M output tokens. */
    private static final PriceRow ROW = TestRows.row("openai/o-mini", 1.0, null, null, 10.0, null);

    @Test
    void reportedOutputAlreadyHoldsTheReasoningTokens() {
        // OpenAI: completion_tokens 1,000 of which reasoning_tokens 800.
        TokenCounts counts = new TokenCounts(100, 1_000, null, null, 0, 0, TokenSource.COUNTED, 800, 0);
        assertEquals(1_000 * 10.0 / 1e6, CostCalculator.cost(ROW, counts).output(), 1e-12);
        assertEquals(200, counts.visibleOutput());
    }

    @Test
    void countedReasoningIsAddedToTheCountedOutput() {
        // No usage at all: 300 visible tokens and 700 tokens of streamed reasoning, both counted.
        TokenCounts counts = new TokenCounts(null, null, null, null, 100, 300, TokenSource.COUNTED, null, 700);
        assertEquals(1_000, counts.output());
        assertEquals(1_000 * 10.0 / 1e6, CostCalculator.cost(ROW, counts).output(), 1e-12);
        assertEquals(700, counts.reasoning());
        assertEquals(TokenSource.COUNTED, counts.reasoningSource());
    }
}
