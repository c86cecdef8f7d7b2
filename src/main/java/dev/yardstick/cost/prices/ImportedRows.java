package dev.yardstick.cost.prices;

import dev.yardstick.config.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects the rows an importer reads, one entry at a time: each entry becomes a row, a counted skip with its reason
 * (not a text model, not priced per token, another provider, listed twice), or a {@link MalformedEntry}. Nothing an
 * importer meets goes unaccounted for.
 */
final class ImportedRows {

    /** Reads one entry into a row dated {@code date}; throws {@link Skipped} or {@link PriceEntry.Malformed}. */
    @FunctionalInterface
    interface Reader {
        PriceRow read(PriceEntry entry, ImportDate date);
    }

    private final PriceImport.Format format;
    private final Function<PriceEntry, ImportDate> dating;
    private final Map<String, PriceRow> rows = new LinkedHashMap<>();
    private final Map<String, Integer> skipped = new LinkedHashMap<>();
    private final Map<String, ImportDate.Span> dated = new LinkedHashMap<>();
    private final List<MalformedEntry> malformed = new ArrayList<>();

    /** @param dating the date of each entry's prices: the file's own where it has one, else the fallback */
    ImportedRows(PriceImport.Format format, Function<PriceEntry, ImportDate> dating) {
        this.format = format;
        this.dating = dating;
    }

    void add(PriceEntry entry, Reader reader) {
        try {
            ImportDate date = dating.apply(entry);
            PriceRow row = reader.read(entry, date);
            if (rows.putIfAbsent(row.key(), row) != null) {
                count("listed twice under one name (the first is kept)");
            } else {
                dated.merge(date.basis(), ImportDate.Span.of(date.date()), ImportDate.Span::plus);
            }
        } catch (Skipped e) {
            count(e.getMessage());
        } catch (PriceEntry.Malformed e) {
            malformed.add(e.entry());
        } catch (InputException e) {
            // Only the name can still be wrong here: the prices were checked as they were read.
            malformed.add(new MalformedEntry(entry.name(), entry.at(), "name", e.getMessage()));
        }
    }

    ImportedPrices result() {
        return new ImportedPrices(format, List.copyOf(rows.values()), skipped, malformed, dated);
    }

    private void count(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    /** An entry left out on purpose, with the reason it is counted under. */
    static final class Skipped extends RuntimeException {
        Skipped(String reason) {
            super(reason, null, false, false);
        }
    }

    static Skipped skip(String reason) {
        return new Skipped(reason);
    }

    /** Skips an entry of another provider than the one asked for, counted under "not PROVIDER". */
    static void wanted(PriceImport.Options options, String label) {
        if (!options.wants(label)) {
            throw new Skipped("not " + options.provider());
        }
    }
}
