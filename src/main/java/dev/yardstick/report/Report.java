package dev.yardstick.report;

/**
 * What every report offers its exporters: itself as data (JSON serialises the record that implements this), a
 * readable document (table, Markdown), and a flat table (CSV).
 */
public interface Report {

    Document document();

    Tabular tabular();
}
