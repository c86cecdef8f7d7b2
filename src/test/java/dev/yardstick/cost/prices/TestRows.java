package dev.yardstick.cost.prices;

import java.time.LocalDate;
import java.util.List;

/** Price rows for tests, with round numbers that make hand computation easy. */
public final class TestRows {

    public static final LocalDate AS_OF = LocalDate.of(2026, 7, 2);

    private TestRows() {
    }

    public static PriceRow row(String model, double input, Double cached, Double write, double output, Double batch) {
        return new PriceRow(model, List.of(), input, cached, write, output, batch, null, null, null, null, null,
                "test", AS_OF, PriceOrigin.BUNDLED);
    }

    public static PriceRow withContext(PriceRow row, Integer context, Integer maxOutput) {
        return new PriceRow(row.model(), row.aliases(), row.input(), row.cachedInput(), row.cacheWrite(),
                row.output(), row.batchDiscount(), row.longContext(), row.perHour(), context, null, maxOutput,
                row.source(), row.asOf(), row.origin());
    }

    public static PriceRow hourly(String model, double perHour) {
        return new PriceRow(model, List.of(), null, null, null, null, null, null, perHour, null, null, null,
                "test", AS_OF, PriceOrigin.CONFIG);
    }
}
