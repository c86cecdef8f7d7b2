package dev.yardstick.cost.prices;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.recommend.Constraints;
import dev.yardstick.cost.workload.Shares;
import dev.yardstick.cost.workload.Volume;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.provider.TokenSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the cost inputs accept and refuse, at their edges: every limit a price row, a volume, shares, constraints
 * and token counts hold, with the value just inside it accepted and the value just outside refused.
 */
class CostInputBoundsTest {

    private static PriceRow row(Double cached, Double write, Double batch, Double perHour, Integer context,
                                Integer maxInput, Integer maxOutput, List<String> aliases) {
        return new PriceRow("openai/m", aliases, 1.0, cached, write, 2.0, batch, null, perHour, context, maxInput,
                maxOutput, "test", TestRows.AS_OF, PriceOrigin.BUNDLED);
    }

    private static void refused(String field, Runnable make) {
        InputException e = assertThrows(InputException.class, make::run, field);
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void priceRowRefusesNegativeCachePricesAndHourlyRates() {
        refused("cached-input", () -> row(-0.5, null, null, null, null, null, null, null));
        refused("cache-write", () -> row(null, -0.5, null, null, null, null, null, null));
        refused("per-hour", () -> row(null, null, null, -1.0, null, null, null, null));
        assertDoesNotThrow(() -> row(0.0, 0.0, null, 0.0, null, null, null, null), "zero prices are prices");
    }

    @Test
    void priceRowTokenLimitsMustBePositive() {
        refused("context-window", () -> row(null, null, null, null, 0, null, null, null));
        refused("max-input", () -> row(null, null, null, null, null, 0, null, null));
        refused("max-output", () -> row(null, null, null, null, null, null, 0, null));
        PriceRow smallest = row(null, null, null, null, 1, 1, 1, null);
        assertEquals(1, smallest.promptLimit());
    }

    @Test
    void batchDiscountIsAShareFromZeroUpToButNotIncludingOne() {
        assertEquals(0.0, row(null, null, 0.0, null, null, null, null, null).batchDiscount());
        assertEquals(0.99, row(null, null, 0.99, null, null, null, null, null).batchDiscount());
        refused("batch-discount", () -> row(null, null, 1.0, null, null, null, null, null));
        refused("batch-discount", () -> row(null, null, -0.1, null, null, null, null, null));
    }

    @Test
    void priceRowAliasesMustBeProviderSlashModel() {
        InputException e = assertThrows(InputException.class,
                () -> row(null, null, null, null, null, null, null, List.of("gpt-without-provider")));
        assertTrue(e.getMessage().contains("gpt-without-provider"), e.getMessage());
    }

    @Test
    void volumeAcceptsZeroRequestsAndRefusesNegativeOnes() {
        assertEquals(0.0, Volume.perDay(0, 0, 30).periodRequests());
        refused("requests-per-day", () -> Volume.perDay(-1, 0, 30));
        refused("requests-per-month", () -> new Volume(null, -1.0, null, null));
    }

    @Test
    void volumeGrowthMustStayAboveMinusOneHundredPercent() {
        refused("monthly-growth", () -> Volume.perDay(100, -100, 60));
        // -99% leaves 1% of the traffic in month 1: 30 days at 100 and 30 at 1.
        assertEquals(3030, Volume.perDay(100, -99, 60).periodRequests(), 1e-6);
    }

    @Test
    void volumeNeedsAtLeastOneDay() {
        refused("days", () -> Volume.perDay(100, 0, 0));
        Volume oneDay = Volume.perDay(100, 0, 1);
        assertEquals(100, oneDay.periodRequests(), 1e-9);
        assertEquals("100 requests/day, 1 day", oneDay.describe());
    }

    @Test
    void peakMonthIsTheRateOfTheLastMonthThePeriodReaches() {
        // 59 days reach month 1 (days 30–58) but not month 2: the peak runs at base × 1.1, not × 1.21.
        assertEquals(100 * 1.1 * 30, Volume.perDay(100, 10, 59).peakMonthRequests(), 1e-6);
        assertEquals(100 * 1.21 * 30, Volume.perDay(100, 10, 61).peakMonthRequests(), 1e-6);
        // With shrinking traffic the peak is the first month.
        assertEquals(100 * 30, Volume.perDay(100, -10, 61).peakMonthRequests(), 1e-6);
    }

    @Test
    void sharesMayFillTheInputExactlyButNotExceedIt() {
        Shares full = new Shares(0.5, 0.5, 0);
        assertEquals(0.5, full.cacheWriteFor(TestRows.row("openai/m", 1, null, null, 2, null)));
        refused("cache-write-share", () -> new Shares(0.6, 0.5, 0));
        refused("cache-share", () -> new Shares(1.5, null, 0, Shares.DEFAULT_WRITES_PER_READ));
        refused("cache-share", () -> new Shares(-0.1, null, 0, Shares.DEFAULT_WRITES_PER_READ));
        refused("cache-write-share", () -> new Shares(0.2, 1.5, 0));
        refused("batch-share", () -> new Shares(0, null, 1.5, Shares.DEFAULT_WRITES_PER_READ));
    }

    @Test
    void writesPerReadRangeFromZeroToOneHundred() {
        assertEquals(0.0, new Shares(0.5, null, 0, 0).impliedCacheWrite());
        assertEquals(0.5, new Shares(0.5, null, 0, 100).impliedCacheWrite(), "capped at the input reads leave");
        refused("cache-writes-per-read", () -> new Shares(0.5, null, 0, 100.5));
        refused("cache-writes-per-read", () -> new Shares(0.5, null, 0, -0.1));
    }

    @Test
    void constraintsAcceptTheirEdgeValues() {
        Constraints edges = new Constraints(0.0, 1, Duration.ofMillis(1), 0.0);
        assertTrue(edges.any());
        assertDoesNotThrow(() -> new Constraints(null, null, null, 1.0));
        refused("--max-monthly", () -> new Constraints(-0.01, null, null, null));
        refused("--min-context", () -> new Constraints(null, 0, null, null));
        refused("--max-p95-latency", () -> new Constraints(null, null, Duration.ZERO, null));
        refused("--min-pass-rate", () -> new Constraints(null, null, null, 1.01));
        refused("--min-pass-rate", () -> new Constraints(null, null, null, -0.01));
    }

    @Test
    void tokenUsageRefusesNegativeCountsOfEveryKind() {
        for (double[] counts : new double[][] {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, -1}}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new TokenUsage(counts[0], counts[1], counts[2], counts[3]));
        }
    }

    @Test
    void aPromptReadWhollyFromTheCacheIsAllCached() {
        TokenUsage usage = TokenUsage.includingCached(100, 100, 10);
        assertEquals(new TokenUsage(0, 100, 0, 10), usage);
        assertThrows(IllegalArgumentException.class, () -> TokenUsage.includingCached(100, 101, 10));
    }

    @Test
    void engineCountsSplitIntoUncachedReadsAndWritesThatNeverExceedTheInput() {
        // 100 input, 80 read from the cache, 50 said written: only the 20 left can have been written.
        TokenUsage usage = TokenUsage.of(new TokenCounts(100, 7, 80, 50, 0, 0, TokenSource.COUNTED));
        assertEquals(new TokenUsage(0, 80, 20, 7), usage);
        assertEquals(100, usage.promptTokens());
        TokenUsage mixed = TokenUsage.of(new TokenCounts(100, 7, 30, 20, 0, 0, TokenSource.COUNTED));
        assertEquals(new TokenUsage(50, 30, 20, 7), mixed);
        assertEquals(100, mixed.promptTokens(), "the prompt is every input token, cached or written");
    }
}
