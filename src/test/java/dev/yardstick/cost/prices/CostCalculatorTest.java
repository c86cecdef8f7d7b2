package dev.yardstick.cost.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    private static final double EPS = 1e-12;

    // openai/gpt-5.2: 1.75 in, 0.175 cached, 14.00 out per 1M; batch 50% off.
    private final PriceRow gpt52 = TestRows.row("openai/gpt-5.2", 1.75, 0.175, null, 14.00, 0.5);
    // anthropic/claude-sonnet-4-5: 3 in, 0.30 cache read, 3.75 cache write, 15 out.
    private final PriceRow sonnet = TestRows.row("anthropic/claude-sonnet-4-5", 3.0, 0.30, 3.75, 15.0, 0.5);

    @Test
    void openAiUsageBillsCachedTokensAtTheCachedPriceAndTheRestAtInput() {
        // prompt_tokens 10,000 of which 4,000 cached; 500 output.
        CostBreakdown cost = CostCalculator.cost(gpt52, TokenUsage.includingCached(10_000, 4_000, 500));
        assertEquals(0.0105, cost.input(), EPS);        // 6,000 × 1.75 / 1M
        assertEquals(0.0007, cost.cachedInput(), EPS);  // 4,000 × 0.175 / 1M
        assertEquals(0.0, cost.cacheWrite(), EPS);
        assertEquals(0.0070, cost.output(), EPS);       // 500 × 14 / 1M
        assertEquals(0.0182, cost.total(), EPS);
        assertSame(gpt52, cost.price(), "every cost names the row it used");
        assertFalse(cost.batch());
    }

    @Test
    void batchHalvesEveryPartWhereTheRowHasABatchDiscount() {
        CostBreakdown cost = CostCalculator.cost(gpt52, TokenUsage.includingCached(10_000, 4_000, 500), true);
        assertEquals(0.0091, cost.total(), EPS);        // 0.0182 / 2
        assertEquals(0.00035, cost.cachedInput(), EPS);
        assertTrue(cost.batch());
    }

    @Test
    void batchWithoutADiscountIsBilledAtListPrice() {
        PriceRow deepseek = TestRows.row("deepseek/deepseek-v4-flash", 0.14, 0.0028, null, 0.28, null);
        CostBreakdown cost = CostCalculator.cost(deepseek, TokenUsage.includingCached(1_000_000, 0, 0), true);
        assertEquals(0.14, cost.total(), EPS);
        assertFalse(cost.batch());
    }

    @Test
    void anthropicUsageBillsInputCacheReadsAndCacheWritesApart() {
        // input_tokens 2,000 (excluding the cache), 8,000 cache reads, 1,000 cache writes, 400 output.
        CostBreakdown cost = CostCalculator.cost(sonnet, TokenUsage.separate(2_000, 8_000, 1_000, 400));
        assertEquals(0.006, cost.input(), EPS);         // 2,000 × 3 / 1M
        assertEquals(0.0024, cost.cachedInput(), EPS);  // 8,000 × 0.30 / 1M
        assertEquals(0.00375, cost.cacheWrite(), EPS);  // 1,000 × 3.75 / 1M
        assertEquals(0.006, cost.output(), EPS);        // 400 × 15 / 1M
        assertEquals(0.01815, cost.total(), EPS);
    }

    @Test
    void bothCachedConventionsDescribeTheSameRequestAlike() {
        // OpenAI would report prompt_tokens 10,000 with 8,000 cached; Anthropic input_tokens 2,000 + 8,000 read.
        assertEquals(TokenUsage.separate(2_000, 8_000, 0, 400), TokenUsage.includingCached(10_000, 8_000, 400));
        assertEquals(10_000, TokenUsage.separate(2_000, 8_000, 0, 400).promptTokens(), EPS);
    }

    @Test
    void cachedTokensBeyondThePromptAreRejectedNotBilledNegative() {
        assertThrows(IllegalArgumentException.class, () -> TokenUsage.includingCached(100, 200, 0));
    }

    @Test
    void longContextTierBillsTheWholeRequestOnceThePromptPassesTheThreshold() {
        // gemini/gemini-2.5-pro: 1.25 / 0.125 / 10; above 200k: 2.50 / 0.25 / 15.
        PriceRow pro = new PriceRow("gemini/gemini-2.5-pro", List.of(), 1.25, 0.125, null, 10.0, 0.5,
                new LongContextTier(200_000L, 2.50, 0.25, null, 15.0), null, 1_048_576, null, 65_536, "test",
                TestRows.AS_OF, PriceOrigin.BUNDLED);
        CostBreakdown longOne = CostCalculator.cost(pro, TokenUsage.includingCached(250_000, 50_000, 1_000));
        // 200,000 × 2.50 + 50,000 × 0.25 + 1,000 × 15, per 1M = 0.5 + 0.0125 + 0.015
        assertEquals(0.5275, longOne.total(), EPS);
        assertTrue(longOne.longContext());
        CostBreakdown atThreshold = CostCalculator.cost(pro, TokenUsage.includingCached(200_000, 0, 1_000));
        // exactly 200,000 is not above it: 200,000 × 1.25 + 1,000 × 10, per 1M = 0.25 + 0.01
        assertEquals(0.26, atThreshold.total(), EPS);
        assertFalse(atThreshold.longContext());
    }

    @Test
    void aMissingCachePriceBillsCachedTokensAsInputNeverAsFree() {
        PriceRow mistral = TestRows.row("mistral/mistral-large-2512", 0.5, null, null, 1.5, 0.5);
        CostBreakdown cost = CostCalculator.cost(mistral, TokenUsage.separate(400, 600, 0, 100));
        // 400 × 0.5 + 600 × 0.5 + 100 × 1.5, per 1M = 0.0002 + 0.0003 + 0.00015
        assertEquals(0.00065, cost.total(), EPS);
        assertEquals(0.0003, cost.cachedInput(), EPS);
    }

    @Test
    void engineCountsArePricedOnOpenAisFootingPreferringReportedTokens() {
        // reported: 1,200 input including 200 cached, 300 output; our own count (990/280) is ignored.
        TokenCounts counts = new TokenCounts(1_200, 300, 200, 990, 280, TokenSource.COUNTED);
        CostBreakdown cost = CostCalculator.cost(gpt52, counts);
        // 1,000 × 1.75 + 200 × 0.175 + 300 × 14, per 1M = 0.00175 + 0.000035 + 0.0042
        assertEquals(0.005985, cost.total(), EPS);
    }

    @Test
    void engineCountsBillAnthropicCacheWritesAtTheirOwnRate() {
        // The engine reports 2,000 input (Anthropic's 500 uncached + 300 read + 1,200 written), 100 output.
        TokenCounts counts = new TokenCounts(2_000, 100, 300, 1_200, 0, 0, TokenSource.COUNTED);
        CostBreakdown cost = CostCalculator.cost(sonnet, counts);
        // 500 × 3 + 300 × 0.30 + 1,200 × 3.75 + 100 × 15, per 1M = 0.0015 + 0.00009 + 0.0045 + 0.0015
        assertEquals(0.0045, cost.cacheWrite(), EPS);
        assertEquals(0.00759, cost.total(), EPS);
    }

    @Test
    void hourlyPriceIsTimeTheMachineRan() {
        PriceRow gpu = TestRows.hourly("local/llama-3-8b", 1.20);
        assertEquals(1.80, CostCalculator.hourly(gpu, Duration.ofMinutes(90)), EPS);
        assertEquals(0.0, CostCalculator.hourly(gpt52, Duration.ofHours(1)), EPS);
    }
}
