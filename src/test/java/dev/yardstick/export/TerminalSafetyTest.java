package dev.yardstick.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a model can put in its answer must not drive the terminal, and tables must not cut identifiers. */
class TerminalSafetyTest {

    /** A title set (OSC 0), a screen clear, a bare carriage return that would overwrite the line, a C1 CSI. */
    private static final String HOSTILE = "ok\u001b]0;pwned\u0007 \u001b[2J\u001b[Hdone\rFAKE \u009b31m red\r\nnext";

    private static Report reportOf(Document.Grid grid, String paragraph) {
        return new Report() {
            @Override
            public Document document() {
                return new Document("T", List.of(new Document.Paragraph(paragraph), grid));
            }

            @Override
            public Tabular tabular() {
                return new Tabular(grid.headers(), grid.rows().stream().map(r -> List.<Object>copyOf(r)).toList());
            }
        };
    }

    private static String render(Exporter exporter, Report report) throws IOException {
        StringWriter out = new StringWriter();
        exporter.write(report, out);
        return out.toString();
    }

    @Test
    void controlCharactersAreShownNotObeyedInTableAndMarkdown() throws IOException {
        Report report = reportOf(new Document.Grid(List.of("model"), List.of(List.of(HOSTILE)), List.of(false), true),
                HOSTILE);
        for (Exporter exporter : List.of(new TableExporter(200, false), new MarkdownExporter())) {
            String out = render(exporter, report);
            assertFalse(out.contains("\u001b") || out.contains("\u0007") || out.contains("\r")
                    || out.contains("\u009b"), out);
            assertTrue(out.contains("ok\\x1b]0;pwned\\x07 \\x1b[2J\\x1b[Hdone\\rFAKE \\u009b31m red"), out);
            assertTrue(out.contains("next"), "a CRLF is a line end: " + out);
            assertFalse(out.contains("\\r\n") || out.contains("\\rnext"), out);
        }
    }

    @Test
    void csvKeepsLineBreaksAndTabsButNoRawEscape() throws IOException {
        Report report = reportOf(new Document.Grid(List.of("a"), List.of(List.of("x\ty\n" + HOSTILE)),
                List.of(false), false), "");
        String csv = render(new CsvExporter(), report);
        assertFalse(csv.contains("\u001b") || csv.contains("\u009b") || csv.contains("\u0007"), csv);
        assertTrue(csv.contains("x\ty\nok\\x1b]0;"), csv);
        assertTrue(csv.contains("done\rFAKE"), "CR is data CSV quotes: " + csv);
    }

    @Test
    void jsonEscapesEveryControlCharacterIncludingDelAndC1() throws Exception {
        String json = Json.mapper().writeValueAsString(List.of(HOSTILE + "\u007f"));
        for (char c : json.toCharArray()) {
            assertFalse(ControlChars.isControl(c), "raw control " + (int) c + " in " + json);
        }
        assertEquals(List.of(HOSTILE + "\u007f"), Json.mapper().readValue(json, List.class), "it reads back exactly");
    }

    @Test
    void identifiersKeepTheirFullWidthAndFreeTextGivesWay() throws IOException {
        String model = "openrouter/meta-llama/llama-3.3-70b-instruct";
        String note = "bundled: models.dev snapshot; openrouter.ai/models (no batch API), as of 2026-07-02";
        Document.Grid grid = new Document.Grid(List.of("model", "input", "context", "source"),
                List.of(List.of(model, "$0.10", "131,072", note), List.of("openai/gpt-4o", "$2.50", "128,000", note)),
                List.of(false, true, true, false), true);
        String out = render(new TableExporter(80, false), reportOf(grid, ""));
        assertTrue(out.contains(model), out);
        assertTrue(out.lines().allMatch(l -> TableExporter.cells(l) <= 80), out);
        assertTrue(out.contains("openrouter.ai/models"), "a word of the free text is never cut: " + out);
        long lines = out.lines().count();
        assertTrue(lines <= 12, lines + " lines: " + out);
    }

    @Test
    void freeTextMovesUnderItsRowWhenIdentifiersFillTheWidth() throws IOException {
        String model = "together/meta-llama/Llama-3.3-70B-Instruct-Turbo";
        Document.Grid grid = new Document.Grid(List.of("model", "input", "output", "source"),
                List.of(List.of(model, "$0.88", "$0.88", "bundled: models.dev snapshot; together.ai/pricing")),
                List.of(false, true, true, false), true);
        List<String> lines = render(new TableExporter(70, false), reportOf(grid, "")).lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(model) && l.endsWith("$0.88")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("    source: bundled: models.dev snapshot;")),
                lines.toString());
    }

    @Test
    void answersSideBySideNeverCutTheModelNames() throws IOException {
        String answer = "Once upon a time there was a little girl who liked to play in the park with her dog.";
        Document.Grid grid = new Document.Grid(List.of("local/stories260k", "mock/fast", "mock/slow"),
                List.of(List.of(answer, answer, answer)), List.of(false, false, false), true);
        String out = render(new TableExporter(50, false), reportOf(grid, ""));
        assertTrue(out.contains("local/stories260k"), out);
        assertTrue(out.lines().allMatch(l -> TableExporter.cells(l) <= 50), out);
    }

    @Test
    void numbersStayWithTheirUnitsAndLongWordsBreakAtNaturalBreaks() {
        assertEquals(List.of("took", "12.5 ms", "at", "50% off"), TextWrap.wrap("took 12.5 ms at 50% off", 7));
        assertEquals(List.of("https://example.com/", "a/very/long/path"),
                TextWrap.wrap("https://example.com/a/very/long/path", 20));
    }
}
