package dev.yardstick.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.yardstick.cost.prices.ImportDate;
import dev.yardstick.cost.prices.ImportedPrices;
import dev.yardstick.cost.prices.PriceChange;
import dev.yardstick.cost.prices.PriceImport;
import dev.yardstick.cost.prices.PriceMerge;
import dev.yardstick.report.Document.Block;
import dev.yardstick.report.Document.Grid;
import dev.yardstick.report.Document.Heading;
import dev.yardstick.report.Document.KeyValue;
import dev.yardstick.report.Document.KeyValues;
import dev.yardstick.report.Document.Paragraph;
import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code yardstick pricing import} did: where the prices' date came from, every price in force it replaced with
 * the change (old → new), every row it kept because the price in force is newer, and a count for everything else
 * (new models, unchanged prices, entries skipped by reason, malformed entries skipped with {@code --skip-invalid}).
 *
 * @param dated      the rows' dates by where each took its date from (the file, {@code --as-of}, the file's time)
 * @param added      models no row priced before, now priced by the import
 * @param unchanged  imported rows with the same facts as the price in force, left as they were
 * @param untouched  other rows of the override file, left as they were
 * @param malformed  entries left out with {@code --skip-invalid}, each with its file, line, name and field
 */
public record PriceImportReport(String source, PriceImport.Format format, String target,
                                Map<String, ImportDate.Span> dated, List<String> added, List<PriceChange> replaced,
                                List<PriceChange> kept, int unchanged, int untouched, Map<String, Integer> skipped,
                                List<String> malformed) implements Report {

    public PriceImportReport {
        added = List.copyOf(added);
        replaced = List.copyOf(replaced);
        kept = List.copyOf(kept);
        malformed = List.copyOf(malformed);
    }

    public static PriceImportReport of(PriceImport.Imported done) {
        ImportedPrices read = done.prices();
        PriceMerge merge = done.merge();
        return new PriceImportReport(done.source().toString(), read.format(), done.target().toString(), read.dated(),
                merge.added(), merge.replaced(), merge.kept(), merge.unchanged(), merge.untouched(), read.skipped(),
                done.malformed());
    }

    /** Rows written to the override file: new models and replaced prices. */
    @JsonProperty
    public int imported() {
        return added.size() + replaced.size();
    }

    @JsonProperty
    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The lines for stderr: each malformed entry left out, and a date that is only the file's time. */
    @JsonIgnore
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        malformed.forEach(line -> warnings.add(line + " (entry skipped)"));
        ImportDate.Span modified = dated.get(ImportDate.MODIFIED);
        if (modified != null) {
            boolean one = modified.rows() == 1;
            warnings.add(String.format(Locale.ROOT, "%,d %s of %s %s no date: dated %s, the file's modification "
                            + "time, which is when the file was last written, not when its prices were read; give "
                            + "--as-of DATE if they are older", modified.rows(), one ? "row" : "rows", source,
                    one ? "carries" : "carry", modified.dates()));
        }
        return warnings;
    }

    @JsonProperty
    public String summary() {
        return String.format(Locale.ROOT, "Imported %,d prices (%s format) into %s: %,d new, %,d replaced, %,d kept "
                        + "because the price in force is newer, %,d unchanged; %,d other rows of the file kept; %,d "
                        + "entries skipped%s.", imported(), format.label(), target, added.size(), replaced.size(),
                kept.size(), unchanged, untouched, skippedCount(),
                malformed.isEmpty() ? "" : String.format(Locale.ROOT, ", %,d malformed", malformed.size()));
    }

    @Override
    public Document document() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(summary()));
        List<KeyValue> about = new ArrayList<>();
        about.add(new KeyValue("from", source));
        dated.forEach((basis, span) -> about.add(new KeyValue("as of", String.format(Locale.ROOT,
                "%s: %s (%,d rows)", span.dates(), basis, span.rows()))));
        skipped.forEach((reason, count) -> about.add(new KeyValue("skipped",
                String.format(Locale.ROOT, "%,d %s", count, reason))));
        blocks.add(new KeyValues(about));
        if (!replaced.isEmpty()) {
            blocks.add(new Heading("Replaced (" + replaced.size() + ")"));
            blocks.add(changeGrid(replaced, true));
        }
        if (!kept.isEmpty()) {
            blocks.add(new Heading("Kept: the price in force is newer, or undated (" + kept.size()
                    + "; --force replaces them)"));
            blocks.add(changeGrid(kept, false));
        }
        if (!malformed.isEmpty()) {
            blocks.add(new Heading("Malformed entries, skipped (" + malformed.size() + ")"));
            malformed.forEach(line -> blocks.add(new Paragraph("- " + line)));
        }
        return new Document("Price import", blocks);
    }

    /** The heading says why rows were kept; a replaced row's note (it was forced) goes with its change. */
    private static Grid changeGrid(List<PriceChange> changes, boolean notes) {
        List<List<String>> rows = new ArrayList<>();
        for (PriceChange c : changes) {
            String what = String.join("; ", c.differences());
            rows.add(List.of(c.model(), c.was(), c.now(), notes && !c.note().isEmpty() ? what + " (" + c.note() + ")"
                    : what));
        }
        return new Grid(List.of("model", "in force", "import", "change"), rows, List.of(false, false, false, false),
                true);
    }

    @Override
    public Tabular tabular() {
        List<List<Object>> rows = new ArrayList<>();
        replaced.forEach(c -> rows.add(changeRow("replaced", c)));
        kept.forEach(c -> rows.add(changeRow("kept", c)));
        added.forEach(model -> rows.add(Arrays.asList(model, "added", null, null, null, null, "", "")));
        return new Tabular(List.of("model", "action", "before_model", "before_origin", "before_as_of", "as_of",
                "changes", "note"), rows);
    }

    private static List<Object> changeRow(String action, PriceChange c) {
        return Arrays.asList(c.model(), action, c.before().model(), c.before().origin().label(), c.before().asOf(),
                c.after().asOf(), String.join("; ", c.differences()), c.note());
    }
}
