package dev.yardstick.report;

import java.util.List;

/** A flat table of a report, for CSV: one header row, then one row per record, values already formatted. */
public record Tabular(List<String> headers, List<List<Object>> rows) {

    public Tabular {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
