package dev.yardstick.cost.prices;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an import did, or would have done, to the price in force for one model.
 *
 * @param model   the name imported
 * @param before  the row in force before the import (the user's override or the bundled catalog's)
 * @param after   the imported row
 * @param note    why the import kept the row in force, or that it was replaced by force; empty otherwise
 */
public record PriceChange(String model, PriceRow before, PriceRow after, String note) {

    private record Field(String name, Function<PriceRow, Object> value, Function<Object, String> shown) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("input", PriceRow::input, PriceChange::price),
            new Field("cached", PriceRow::cachedInput, PriceChange::price),
            new Field("cache write", PriceRow::cacheWrite, PriceChange::price),
            new Field("output", PriceRow::output, PriceChange::price),
            new Field("batch", PriceRow::batchDiscount,
                    v -> v == null ? "none" : Figures.percent((Double) v) + " off"),
            new Field("long context", PriceRow::longContext, v -> v == null ? "none"
                    : Figures.longContext((LongContextTier) v)),
            new Field("per hour", PriceRow::perHour, PriceChange::price),
            new Field("context", PriceRow::contextWindow, PriceChange::tokens),
            new Field("max input", PriceRow::maxInput, PriceChange::tokens),
            new Field("max output", PriceRow::maxOutput, PriceChange::tokens));

    public PriceChange {
        note = note == null ? "" : note;
    }

    PriceChange withNote(String newNote) {
        return new PriceChange(model, before, after, newNote);
    }

    /** Each fact that differs, old → new: {@code input $0.15 → $0.10}. Dates and sources are not facts of price. */
    @JsonProperty
    public List<String> differences() {
        List<String> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            Object old = field.value().apply(before);
            Object now = field.value().apply(after);
            if (!Objects.equals(old, now)) {
                changes.add(field.name() + " " + field.shown().apply(old) + " → " + field.shown().apply(now));
            }
        }
        return changes;
    }

    /** The row in force before, in a few words: {@code bundled mistral/mistral-small-2603, as of 2026-07-02}. */
    public String was() {
        return describe(before, !before.model().equalsIgnoreCase(model));
    }

    public String now() {
        return describe(after, false);
    }

    private static String describe(PriceRow row, boolean named) {
        return (row.origin() == null ? "" : row.origin().label() + (named ? " " + row.model() : "") + ", ")
                + (row.asOf() == null ? "no as-of date" : "as of " + row.asOf());
    }

    private static String price(Object value) {
        return value == null ? "none" : Money.price((Double) value);
    }

    private static String tokens(Object value) {
        return value == null ? "unknown" : String.format(Locale.ROOT, "%,d", (Integer) value);
    }
}
