package dev.yardstick.compare;

import dev.yardstick.config.YardstickConfig;
import dev.yardstick.cost.prices.CostCalculator;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.prices.PriceOrigin;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.report.PriceUsed;
import java.util.Map;
import java.util.Optional;

/**
 * Costs a compare run's samples with the price catalog (config file, then the user's overrides, then the bundled
 * catalog), and names the row it used so the report keeps it.
 */
final class Pricing {

    private final PriceCatalog catalog;

    private Pricing(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    static Pricing load(YardstickConfig config, Map<String, String> env) {
        return new Pricing(PriceCatalog.load(config, env));
    }

    Optional<PriceUsed> priceOf(String model) {
        return catalog.find(model).map(row -> new PriceUsed(row.model(), row.input(), row.cachedInput(),
                row.output(), row.source(), row.asOf() == null ? null : row.asOf().toString(),
                row.origin() != PriceOrigin.UNPRICED));
    }

    /**
     * The cost of one successful request in USD, or null when the model has no known price. A failed request is
     * not costed: whether the provider bills its input is not known from here.
     */
    Double cost(String model, TokenCounts tokens) {
        Optional<PriceRow> row = catalog.find(model);
        return row.map(r -> CostCalculator.cost(r, tokens).total()).orElse(null);
    }
}
