package dev.yardstick.cost.prices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows read from another project's price list, and every entry that did not become one: skipped on purpose (counted
 * by reason: not a text model, not priced per token, another provider, listed twice), or malformed (each listed).
 *
 * @param dated  the dates of the rows, by where each took its date from (the file, {@code --as-of}, the file's time)
 */
public record ImportedPrices(PriceImport.Format format, List<PriceRow> rows, Map<String, Integer> skipped,
                             List<MalformedEntry> malformed, Map<String, ImportDate.Span> dated) {

    public ImportedPrices {
        rows = List.copyOf(rows);
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        malformed = List.copyOf(malformed);
        dated = Collections.unmodifiableMap(new LinkedHashMap<>(dated));
    }

    /** Every entry left out on purpose. */
    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
