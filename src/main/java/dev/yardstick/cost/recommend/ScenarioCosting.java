package dev.yardstick.cost.recommend;

import dev.yardstick.cost.prices.CostBreakdown;
import dev.yardstick.cost.prices.CostCalculator;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.cost.prices.TokenUsage;
import dev.yardstick.cost.workload.Scenario;
import dev.yardstick.cost.workload.Shares;
import dev.yardstick.cost.workload.TokenBucket;
import dev.yardstick.cost.workload.TokenProfile;
import dev.yardstick.cost.workload.Volume;

/**
 * Costs a scenario for one model. Every request kind (token bucket) is priced on its own, since a long-context
 * tier depends on each request's prompt, then mixed by weight; the cache shares split each request's input (with
 * the writes a provider that bills them implies, see {@link Shares}), and the batch share mixes the batch and the
 * normal price. The result is linear in the request volume, the batch share and the cache share (within
 * {@link Shares#linearCacheRange()}), which is what lets break-even points be solved exactly.
 */
final class ScenarioCosting {

    private ScenarioCosting() {
    }

    public static ScenarioCost cost(Scenario scenario, PriceRow price, TokenProfile tokens) {
        PerRequest mean = perRequest(price, tokens, scenario.shares());
        Volume volume = scenario.volume();
        double fixedPerDay = price.perHour() == null ? 0 : price.perHour() * scenario.hoursPerDay();
        double requests = volume.periodRequests();
        int days = volume.days();
        double period = fixedPerDay * days + mean.total() * requests;
        return new ScenarioCost(scenario.name(), price.model(), price, tokens,
                requests == 0 ? Double.NaN : period / requests,
                fixedPerDay + mean.total() * volume.baseDaily(),
                fixedPerDay * Volume.MONTH_DAYS + mean.total() * volume.firstMonthRequests(),
                fixedPerDay * Volume.MONTH_DAYS + mean.total() * volume.peakMonthRequests(),
                period, requests,
                mean.input * requests, mean.cachedInput * requests, mean.cacheWrite * requests,
                mean.output * requests, fixedPerDay * days, mean.longContext,
                scenario.shares().cacheWriteFor(price));
    }

    /** The expected token cost of one request (no hourly part), split by kind. */
    static PerRequest perRequest(PriceRow price, TokenProfile tokens, Shares shares) {
        double weights = tokens.totalWeight();
        double input = 0;
        double cached = 0;
        double written = 0;
        double output = 0;
        boolean longContext = false;
        double writeShare = shares.cacheWriteFor(price);
        for (TokenBucket bucket : tokens.buckets()) {
            double in = bucket.input();
            // max(0, ..): the shares may add up to 1 with a rounding error below zero.
            TokenUsage usage = new TokenUsage(Math.max(0, in * (1 - shares.cache() - writeShare)),
                    in * shares.cache(), in * writeShare, bucket.output());
            CostBreakdown normal = CostCalculator.cost(price, usage, false);
            CostBreakdown batch = CostCalculator.cost(price, usage, true);
            double w = bucket.weight() / weights;
            double b = shares.batch();
            input += w * ((1 - b) * normal.input() + b * batch.input());
            cached += w * ((1 - b) * normal.cachedInput() + b * batch.cachedInput());
            written += w * ((1 - b) * normal.cacheWrite() + b * batch.cacheWrite());
            output += w * ((1 - b) * normal.output() + b * batch.output());
            longContext |= normal.longContext();
        }
        return new PerRequest(input, cached, written, output, longContext);
    }

    record PerRequest(double input, double cachedInput, double cacheWrite, double output, boolean longContext) {
        double total() {
            return input + cachedInput + cacheWrite + output;
        }
    }
}
