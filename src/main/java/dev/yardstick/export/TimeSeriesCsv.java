package dev.yardstick.export;

import dev.yardstick.stats.TimeSeries;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A benchmark's per-second series as RFC 4180 CSV with a header row, as {@link CsvExporter} writes the report's
 * table: one row per step and second, latencies in ms, a second without a success leaves its percentiles empty.
 */
public final class TimeSeriesCsv {

    static final List<String> HEADERS = List.of("step", "second", "length_s", "ended", "errors", "throughput",
            "output_tokens_per_s", "ttft_p50_ms", "ttft_p90_ms", "ttft_p99_ms", "e2e_p50_ms", "e2e_p90_ms",
            "e2e_p99_ms", "in_flight");

    private TimeSeriesCsv() {
    }

    public static void write(List<TimeSeries> series, Appendable out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader(HEADERS.toArray(String[]::new)).get();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (TimeSeries s : series) {
            for (TimeSeries.Second r : s.seconds()) {
                printer.printRecord(ControlChars.forCsv(s.step()), r.second(), r.length(), r.ended(), r.errors(),
                        r.throughput(), r.outputTokensPerSecond(), cell(r.ttftP50()), cell(r.ttftP90()),
                        cell(r.ttftP99()), cell(r.e2eP50()), cell(r.e2eP90()), cell(r.e2eP99()), r.inFlight());
            }
        }
        printer.flush();
    }

    private static Object cell(Double value) {
        return value == null ? "" : value;
    }
}
