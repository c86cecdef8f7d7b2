package dev.yardstick.report;

import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.report.Document.Paragraph;
import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code yardstick pricing list}: every price in force, and where the user's overrides live. */
public record PriceListReport(List<PriceRow> rows, String userFile) implements Report {

    public PriceListReport {
        rows = List.copyOf(rows);
    }

    @Override
    public Document document() {
        Map<String, PriceRow> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.put(row.model(), row));
        return new Document("Prices (USD per million tokens)", List.of(
                new Paragraph(rows.size() + " models. The config file's prices win over the user's overrides ("
                        + userFile + "), which win over the bundled catalog. A listed alias prices its model too "
                        + "(yardstick pricing show MODEL)."),
                PriceCells.grid(byName)));
    }

    @Override
    public Tabular tabular() {
        List<List<Object>> cells = new ArrayList<>();
        for (PriceRow p : rows) {
            cells.add(Arrays.asList(p.model(), p.input(), p.cachedInput(), p.cacheWrite(), p.output(),
                    p.batchDiscount(), p.longContext() == null ? null : p.longContext().above(),
                    p.longContext() == null ? null : p.longContext().input(),
                    p.longContext() == null ? null : p.longContext().output(), p.perHour(), p.contextWindow(),
                    p.maxInput(), p.maxOutput(), String.join(" ", p.aliases()), p.origin().label(), p.source(),
                    p.asOf()));
        }
        return new Tabular(List.of("model", "input_per_m", "cached_input_per_m", "cache_write_per_m",
                "output_per_m", "batch_discount", "long_context_above", "long_context_input_per_m",
                "long_context_output_per_m", "per_hour", "context_window", "max_input", "max_output", "aliases",
                "origin", "source", "as_of"), cells);
    }
}
