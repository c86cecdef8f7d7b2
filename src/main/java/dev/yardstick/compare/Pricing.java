package dev.yardstick.compare;

import dev.yardstick.config.YardstickConfig;
import dev.yardstick.engine.TokenCounts;
import dev.yardstick.report.PriceUsed;
import java.util.Optional;

/** The prices a compare run costs its samples with. */
interface Pricing {

    Optional<PriceUsed> priceOf(String model);

    /** The cost of one request in USD, or null when the model has no known price. */
    Double cost(String model, TokenCounts tokens);

    static Pricing load(YardstickConfig config) {
        return new Pricing() {
            @Override
            public Optional<PriceUsed> priceOf(String model) {
                return Optional.empty();
            }

            @Override
            public Double cost(String model, TokenCounts tokens) {
                return null;
            }
        };
    }
}
