package dev.yardstick.cost.prices;

import java.time.LocalDate;

/**
 * The date an imported price was true, and where that date came from: the file itself, {@code --as-of}, or the
 * file's modification time. The basis is shown with every import, so nobody takes a fallback for a fact.
 */
public record ImportDate(LocalDate date, String basis) {

    public static final String AS_OF_OPTION = "given with --as-of";
    public static final String MODIFIED = "the file's modification time";

    /** The dates of the rows that took their date from one basis. */
    public record Span(LocalDate earliest, LocalDate latest, int rows) {

        static Span of(LocalDate date) {
            return new Span(date, date, 1);
        }

        Span plus(Span other) {
            return new Span(earliest.isBefore(other.earliest) ? earliest : other.earliest,
                    latest.isAfter(other.latest) ? latest : other.latest, rows + other.rows);
        }

        /** {@code 2025-09-01} or {@code 2022-12-15 to 2026-06-30}. */
        public String dates() {
            return earliest.equals(latest) ? earliest.toString() : earliest + " to " + latest;
        }
    }
}
