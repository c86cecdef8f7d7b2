package dev.yardstick.export;

import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's flat table, RFC 4180 CSV with a header row. Cells keep their line breaks and tabs (quoted, as CSV
 * does); other control characters are shown as escapes ({@code \x1b}), so a CSV printed on a terminal cannot
 * drive it. The JSON report keeps every answer exactly.
 */
public final class CsvExporter implements Exporter {

    @Override
    public void write(Report report, Appendable out) throws IOException {
        Tabular table = report.tabular();
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader(table.headers().toArray(String[]::new)).get();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (List<Object> row : table.rows()) {
            printer.printRecord(row.stream().map(v -> v instanceof String s ? ControlChars.forCsv(s) : v).toList());
        }
        printer.flush();
    }
}
