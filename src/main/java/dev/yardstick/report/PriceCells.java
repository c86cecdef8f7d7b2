package dev.yardstick.report;

import dev.yardstick.cost.prices.Figures;
import dev.yardstick.cost.prices.Money;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.report.Document.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Price rows as report cells, the same wherever prices are shown (pricing list, the prices a cost used). */
final class PriceCells {

    static final List<String> HEADERS = List.of("model", "input", "cached", "cache write", "output", "batch",
            "long context", "context", "max input", "source");
    private static final List<Boolean> NUMERIC = List.of(false, true, true, true, true, true, false, true, true,
            false);

    private PriceCells() {
    }

    /** One row per entry: the name it was asked under (with the row's own name when that differs), then prices. */
    static Grid grid(Map<String, PriceRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        rows.forEach((asked, row) -> cells.add(cells(asked, row)));
        return new Grid(HEADERS, cells, NUMERIC, true);
    }

    private static List<String> cells(String asked, PriceRow p) {
        return List.of(
                asked.equalsIgnoreCase(p.model()) ? asked : asked + " = " + p.model(),
                p.perHour() != null ? Money.price(p.perHour()) + "/h" : Money.price(p.input()),
                Figures.optionalPrice(p.cachedInput()),
                Figures.optionalPrice(p.cacheWrite()),
                Money.price(p.output()),
                p.batchDiscount() == null ? "–" : Figures.percent(p.batchDiscount()) + " off",
                Figures.longContext(p.longContext()),
                tokens(p.contextWindow(), "?"),
                tokens(p.maxInput(), "–"),
                origin(p));
    }

    private static String tokens(Integer count, String unknown) {
        return count == null ? unknown : Figures.tokens(count);
    }

    static String origin(PriceRow p) {
        return p.origin().label() + ": " + p.source() + (p.asOf() == null ? "" : ", as of " + p.asOf());
    }
}
