package dev.yardstick.benchmark;

import dev.yardstick.cost.prices.CostCalculator;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.cost.prices.TokenUsage;
import dev.yardstick.report.BenchmarkCost;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.PriceUsed;
import dev.yardstick.stats.ModelStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices a benchmark's steps with the catalog {@code cost-analyze} uses: the mean successful request's tokens
 * (input, of it cached, output) at the row's rates is the cost per request; per hour is that at the step's request
 * throughput, plus the row's hourly machine price where it has one. Failed requests are not costed: whether a
 * provider bills a failure's input is not known from here.
 */
public final class BenchmarkCosts {

    private static final Duration HOUR = Duration.ofHours(1);

    private BenchmarkCosts() {
    }

    public static List<BenchmarkCost> of(BenchmarkReport report, PriceCatalog catalog) {
        List<BenchmarkCost> costs = new ArrayList<>();
        for (BenchmarkReport.Step step : report.steps()) {
            for (ModelStats stats : step.models()) {
                costs.add(cost(step.load(), stats, catalog.find(stats.model())));
            }
        }
        return costs;
    }

    static BenchmarkCost cost(String step, ModelStats stats, Optional<PriceRow> found) {
        long ok = stats.requests().succeeded();
        double input = ok == 0 ? 0 : (double) stats.tokens().input() / ok;
        double cached = ok == 0 ? 0 : Math.min(input, (double) stats.tokens().cachedInput() / ok);
        double output = ok == 0 ? 0 : (double) stats.tokens().output() / ok;
        double throughput = stats.requestThroughput();
        if (found.isEmpty()) {
            return new BenchmarkCost(step, stats.model(), null, input, output, throughput, null, null, null,
                    PriceCatalog.missing(stats.model()));
        }
        PriceRow row = found.get();
        PriceUsed price = PriceUsed.of(row);
        if (ok == 0) {
            return new BenchmarkCost(step, stats.model(), price, input, output, throughput, null, null, null,
                    "no request succeeded: nothing to cost");
        }
        double perRequest = CostCalculator.cost(row, TokenUsage.includingCached(input, cached, output)).total();
        Double perHour = Double.isFinite(throughput)
                ? perRequest * throughput * HOUR.toSeconds() + CostCalculator.hourly(row, HOUR) : null;
        String note = price.priced() ? null : "not priced (a local or mock model): counted as $0; price it in the"
                + " config file for a real figure";
        return new BenchmarkCost(step, stats.model(), price, input, output, throughput, perRequest,
                perRequest * 1000, perHour, note);
    }
}
