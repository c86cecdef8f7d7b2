package dev.yardstick.cost.prices;

import dev.yardstick.config.YardstickConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges imported rows into the user's override file. Each imported row is compared with the price in force for its
 * name (the override file's, else the bundled catalog's, by name or alias, as {@link PriceCatalog} finds it):
 * a new model is added; the same facts change nothing; different facts replace the row in force unless that row is
 * newer, or has no date and so cannot be shown to be older, which only {@code force} overrides.
 *
 * @param file       the override file's rows after the merge, sorted by name
 * @param added      models no row priced before
 * @param replaced   rows whose price in force the import changed
 * @param kept       rows the import would have changed, kept because the price in force is newer
 * @param unchanged  imported rows with the same facts as the price in force (left as they were)
 * @param untouched  rows of the override file the import left as they were
 */
public record PriceMerge(List<PriceRow> file, List<String> added, List<PriceChange> replaced, List<PriceChange> kept,
                         int unchanged, int untouched) {

    static PriceMerge of(List<PriceRow> imported, List<PriceRow> user, List<PriceRow> bundled, boolean force) {
        PriceCatalog inForce = PriceCatalog.of(bundled, user, YardstickConfig.EMPTY);
        Map<String, PriceRow> file = new LinkedHashMap<>();
        user.forEach(row -> file.put(row.key(), row));
        List<String> added = new ArrayList<>();
        List<PriceChange> replaced = new ArrayList<>();
        List<PriceChange> kept = new ArrayList<>();
        int unchanged = 0;
        int untouched = user.size();
        for (PriceRow row : imported) {
            PriceRow before = inForce.find(row.model()).filter(r -> r.origin() != PriceOrigin.UNPRICED)
                    .orElse(null);
            if (before == null) {
                added.add(row.model());
                file.put(row.key(), row);
                continue;
            }
            PriceChange change = new PriceChange(row.model(), before, row, "");
            if (change.differences().isEmpty()) {
                unchanged++;
                continue;
            }
            String newer = newer(before, row);
            if (newer != null && !force) {
                kept.add(change.withNote(newer + "; --force replaces it"));
                continue;
            }
            replaced.add(newer == null ? change : change.withNote("replaced by --force, although " + newer));
            if (file.put(row.key(), row) != null) {
                untouched--;
            }
        }
        List<PriceRow> sorted = new ArrayList<>(file.values());
        sorted.sort(Comparator.comparing(PriceRow::key));
        return new PriceMerge(sorted, added, replaced, kept, unchanged, untouched);
    }

    /** Why the row in force wins over the imported one, or null when it does not. */
    private static String newer(PriceRow before, PriceRow imported) {
        if (before.asOf() == null) {
            return "the " + before.origin().label() + " row has no as-of date, so it cannot be shown to be older";
        }
        if (before.asOf().isAfter(imported.asOf())) {
            return "the " + before.origin().label() + " row (as of " + before.asOf() + ") is newer than the import ("
                    + imported.asOf() + ")";
        }
        return null;
    }

    /** True when the override file must be written. */
    boolean changes() {
        return !added.isEmpty() || !replaced.isEmpty();
    }
}
