package dev.yardstick.cost.prices;

import dev.yardstick.engine.TokenCounts;
import java.time.Duration;

/**
 * Prices tokens: each kind at its own rate, the long-context tier when the prompt is long enough (it then bills the
 * whole request), and the batch discount on every part when the request went through a batch API that has one.
 * A price missing for cached input or cache writes bills those tokens as ordinary input, never as free.
 */
public final class CostCalculator {

    private CostCalculator() {
    }

    /** The cost of one request's tokens, sent normally. */
    public static CostBreakdown cost(PriceRow price, TokenUsage usage) {
        return cost(price, usage, false);
    }

    /** The cost of one request's tokens; {@code batch} says it went through the provider's batch API. */
    public static CostBreakdown cost(PriceRow price, TokenUsage usage, boolean batch) {
        Rates rates = price.ratesFor(usage.promptTokens());
        boolean longContext = price.longContext() != null && price.longContext().appliesTo(usage.promptTokens());
        boolean discounted = batch && price.batchDiscount() != null;
        double factor = (discounted ? 1 - price.batchDiscount() : 1) / PriceRow.PER_MILLION;
        return new CostBreakdown(price, usage,
                usage.uncachedInput() * rates.input() * factor,
                usage.cachedInput() * rates.cachedInput() * factor,
                usage.cacheWrite() * rates.cacheWrite() * factor,
                usage.output() * rates.output() * factor,
                longContext, discounted);
    }

    /** The cost of a request as the engine counted it (reported usage first, else our own count). */
    public static CostBreakdown cost(PriceRow price, TokenCounts counts) {
        return cost(price, TokenUsage.of(counts), false);
    }

    /** The cost of running a machine priced by the hour for this long; zero for a row without an hourly price. */
    public static double hourly(PriceRow price, Duration running) {
        if (price.perHour() == null) {
            return 0;
        }
        return price.perHour() * running.toNanos() / 3.6e12;
    }
}
