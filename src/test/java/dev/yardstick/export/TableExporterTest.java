package dev.yardstick.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableExporterTest {

    private static Report reportOf(Document.Grid grid) {
        return new Report() {
            @Override
            public Document document() {
                return new Document("T", List.of(grid));
            }

            @Override
            public Tabular tabular() {
                return new Tabular(grid.headers(), grid.rows().stream().map(r -> List.<Object>copyOf(r)).toList());
            }
        };
    }

    @Test
    void wrapsAtWordsWithinTheLimit() {
        List<String> lines = TableExporter.wrap("the quick brown fox jumps over the lazy dog", 10);
        assertEquals(List.of("the quick", "brown fox", "jumps over", "the lazy", "dog"), lines);
    }

    @Test
    void hardBreaksWordsLongerThanTheColumn() {
        List<String> lines = TableExporter.wrap("abcdefghijklmnop", 6);
        assertEquals(List.of("abcdef", "ghijkl", "mnop"), lines);
    }

    @Test
    void countsWideCharactersAsTwoCells() {
        assertEquals(4, TableExporter.cells("日本"));
        assertTrue(TableExporter.wrap("日本語のテキスト", 4).stream().allMatch(l -> TableExporter.cells(l) <= 4));
    }

    @Test
    void sideBySideFitsTheTerminalWidth() throws IOException {
        String longText = "word ".repeat(80).strip();
        Document.Grid grid = new Document.Grid(List.of("a", "b"), List.of(List.of(longText, longText)),
                List.of(false, false), true);
        StringWriter out = new StringWriter();
        new TableExporter(60, false).write(reportOf(grid), out);
        for (String line : out.toString().split("\n")) {
            assertTrue(TableExporter.cells(line) <= 60, "too wide: " + line);
        }
        assertTrue(out.toString().lines().count() > 10, "expected wrapped lines");
    }

    @Test
    void numericColumnsAlignRight() throws IOException {
        Document.Grid grid = new Document.Grid(List.of("model", "p50"),
                List.of(List.of("x", "1.5 ms"), List.of("y", "120 ms")), List.of(false, true), false);
        StringWriter out = new StringWriter();
        new TableExporter(80, false).write(reportOf(grid), out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(lines.get(3).length(), lines.get(4).length(), out.toString());
        assertTrue(lines.get(3).endsWith("1.5 ms"));
    }

    @Test
    void aLongKeyValueWrapsUnderItsValueWithinTheWidth() throws IOException {
        String warmup = "off the clock, 1234 ms (mock/fast?ttft=20ms&itl=1ms: in-process call 1180 ms; "
                + "mock/instant: in-process call 1003 ms)";
        Document document = new Document("T", List.of(new Document.KeyValues(List.of(
                new Document.KeyValue("models", "mock/fast, mock/instant"),
                new Document.KeyValue("client warm-up", warmup)))));
        Report report = new Report() {
            @Override
            public Document document() {
                return document;
            }

            @Override
            public Tabular tabular() {
                return new Tabular(List.of(), List.of());
            }
        };
        StringWriter out = new StringWriter();
        new TableExporter(60, false).write(report, out);
        List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.stream().allMatch(l -> TableExporter.cells(l) <= 60), out.toString());
        String indent = " ".repeat("client warm-up".length() + 2);
        List<String> continued = lines.stream().filter(l -> l.startsWith(indent)).toList();
        assertTrue(continued.size() >= 1, out.toString());
        String joined = lines.stream().filter(l -> l.startsWith("client warm-up") || l.startsWith(indent))
                .map(String::strip).reduce((a, b) -> a + " " + b).orElseThrow();
        assertEquals("client warm-up  " + warmup, joined, "every word kept, in order");
    }

    @Test
    void csvAndMarkdownEscapeTheirSeparators() throws IOException {
        Document.Grid grid = new Document.Grid(List.of("a", "b"), List.of(List.of("x|y", "say \"hi\", then go")),
                List.of(false, false), false);
        StringWriter csv = new StringWriter();
        new CsvExporter().write(reportOf(grid), csv);
        assertEquals("a,b\nx|y,\"say \"\"hi\"\", then go\"\n", csv.toString());
        StringWriter md = new StringWriter();
        new MarkdownExporter().write(reportOf(grid), md);
        assertTrue(md.toString().contains("| x\\|y |"), md.toString());
    }
}
