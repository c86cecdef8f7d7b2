package dev.yardstick.report;

import dev.yardstick.cost.prices.Figures;
import dev.yardstick.cost.prices.LongContextTier;
import dev.yardstick.cost.prices.Money;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.report.Document.KeyValue;
import dev.yardstick.report.Document.KeyValues;
import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code yardstick pricing show MODEL}: the price row in force for one model, every field of it. */
public record PriceShowReport(String asked, PriceRow price) implements Report {

    @Override
    public Document document() {
        return new Document("Price of " + asked, List.of(new KeyValues(entries())));
    }

    private List<KeyValue> entries() {
        List<KeyValue> entries = new ArrayList<>();
        if (!asked.equalsIgnoreCase(price.model())) {
            entries.add(new KeyValue("priced as", price.model()));
        }
        if (price.perHour() != null) {
            entries.add(new KeyValue("per hour", Money.price(price.perHour())));
        }
        entries.add(new KeyValue("input", Money.price(price.input()) + " per 1M tokens"));
        entries.add(new KeyValue("cached input", price.cachedInput() == null ? "no cache price (billed as input)"
                : Money.price(price.cachedInput()) + " per 1M tokens"));
        entries.add(new KeyValue("cache write", price.cacheWrite() == null ? "not billed apart (billed as input)"
                : Money.price(price.cacheWrite()) + " per 1M tokens"));
        entries.add(new KeyValue("output", Money.price(price.output()) + " per 1M tokens"));
        entries.add(new KeyValue("batch", price.batchDiscount() == null ? "no batch price known"
                : Figures.percent(price.batchDiscount()) + " off every price"));
        if (price.longContext() != null) {
            LongContextTier tier = price.longContext();
            entries.add(new KeyValue("long context", String.format(Locale.ROOT,
                    "prompts over %,d tokens: the whole request at %s in / %s cached / %s out", tier.above(),
                    Money.price(tier.input()), Figures.optionalPrice(tier.cachedInput()),
                    Money.price(tier.output()))));
        }
        entries.add(new KeyValue("context window", tokens(price.contextWindow())));
        if (price.maxInput() != null) {
            entries.add(new KeyValue("max input", tokens(price.maxInput())));
        }
        entries.add(new KeyValue("max output", tokens(price.maxOutput())));
        if (!price.aliases().isEmpty()) {
            entries.add(new KeyValue("aliases", String.join(", ", price.aliases())));
        }
        entries.add(new KeyValue("from", PriceCells.origin(price)));
        return entries;
    }

    private static String tokens(Integer count) {
        return count == null ? "unknown" : Figures.tokens(count) + " tokens";
    }

    @Override
    public Tabular tabular() {
        List<List<Object>> rows = new ArrayList<>();
        entries().forEach(e -> rows.add(List.of(e.key(), e.value())));
        return new Tabular(List.of("field", "value"), rows);
    }
}
