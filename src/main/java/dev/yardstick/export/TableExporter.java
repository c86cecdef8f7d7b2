package dev.yardstick.export;

import dev.yardstick.config.Secrets;
import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import java.io.IOException;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The terminal view: aligned tables that fit the terminal's width (see {@link GridLayout} for who gives way).
 * Widths count display cells (wide characters, emoji) through jline, so columns stay aligned whatever the text;
 * control characters in the text are shown, never obeyed.
 */
public final class TableExporter implements Exporter {

    private static final String GAP = "  ";
    private static final String UNDER_INDENT = "    ";

    private final int width;
    private final boolean color;

    public TableExporter(int width, boolean color) {
        this.width = Math.max(40, width);
        this.color = color;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        Document doc = report.document();
        out.append(style(shown(doc.title()), AttributedStyle.BOLD)).append('\n');
        for (Document.Block block : doc.blocks()) {
            switch (block) {
                case Document.Heading h -> out.append('\n')
                        .append(style(shown(h.text()), AttributedStyle.BOLD.underline())).append('\n');
                case Document.Paragraph p -> paragraph(p, out);
                case Document.KeyValues kv -> keyValues(kv, out);
                case Document.Grid g -> grid(g, out);
            }
        }
    }

    /**
     * Text as the table shows it. Secrets are scrubbed here as well as on the way out: wrapping could cut one into
     * pieces too short to recognise. Tabs become spaces, which keep their width in a column.
     */
    static String shown(String text) {
        return ControlChars.visible(Secrets.redact(text == null ? "" : text)).replace("\t", "    ");
    }

    private void paragraph(Document.Paragraph p, Appendable out) throws IOException {
        for (String line : wrap(shown(p.text()), width)) {
            out.append(p.emphasis() ? style(line, AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW)) : line)
                    .append('\n');
        }
    }

    private void keyValues(Document.KeyValues kv, Appendable out) throws IOException {
        int keyWidth = kv.entries().stream().mapToInt(e -> cells(shown(e.key()))).max().orElse(0);
        // A long value (a client warm-up line under load, a list of models) wraps under itself, within the width.
        String indent = " ".repeat(keyWidth + GAP.length());
        int valueWidth = Math.max(20, width - indent.length());
        for (Document.KeyValue e : kv.entries()) {
            List<String> lines = wrap(shown(e.value()), valueWidth);
            out.append(pad(shown(e.key()), keyWidth, false)).append(GAP).append(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                out.append(indent).append(line).append('\n');
            }
        }
    }

    private void grid(Document.Grid grid, Appendable out) throws IOException {
        List<String> headers = grid.headers().stream().map(TableExporter::shown).toList();
        List<List<String>> rows = grid.rows().stream().map(r -> r.stream().map(TableExporter::shown).toList()).toList();
        GridLayout layout = GridLayout.fit(headers, rows, grid.numeric(), width, GAP.length());
        printRow(headers, layout, grid, out, true);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < headers.size(); c++) {
            if (layout.inGrid(c)) {
                rule.append(rule.isEmpty() ? "" : GAP).append("─".repeat(layout.widths()[c]));
            }
        }
        out.append(style(rule.toString(), AttributedStyle.DEFAULT.faint())).append('\n');
        for (List<String> row : rows) {
            int height = printRow(row, layout, grid, out, false);
            for (int c : layout.under()) {
                if (!row.get(c).isBlank()) {
                    for (String line : wrap(headers.get(c) + ": " + row.get(c), width - UNDER_INDENT.length())) {
                        out.append(UNDER_INDENT).append(line).append('\n');
                    }
                }
            }
            if (grid.wrap() && height > 1) {
                out.append('\n');
            }
        }
    }

    /** Prints one row of the grid's own columns, each cell wrapped to its column; returns its height in lines. */
    private int printRow(List<String> row, GridLayout layout, Document.Grid grid, Appendable out, boolean header)
            throws IOException {
        int[] widths = layout.widths();
        int last = -1;
        for (int c = 0; c < widths.length; c++) {
            last = layout.inGrid(c) ? c : last;
        }
        List<List<String>> wrapped = new java.util.ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = layout.inGrid(c) ? wrap(row.get(c), widths[c]) : List.of();
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                if (!layout.inGrid(c)) {
                    continue;
                }
                String cell = line < wrapped.get(c).size() ? wrapped.get(c).get(line) : "";
                boolean numeric = grid.numeric().get(c);
                text.append(text.isEmpty() && isFirst(c, layout) ? "" : GAP)
                        .append(c == last && !numeric ? cell : pad(cell, widths[c], numeric));
            }
            String printed = text.toString().stripTrailing();
            out.append(header ? style(printed, AttributedStyle.BOLD) : printed).append('\n');
        }
        return height;
    }

    private static boolean isFirst(int column, GridLayout layout) {
        for (int c = 0; c < column; c++) {
            if (layout.inGrid(c)) {
                return false;
            }
        }
        return true;
    }

    /** Breaks text into lines of at most {@code limit} display cells (see {@link TextWrap}). */
    static List<String> wrap(String text, int limit) {
        return TextWrap.wrap(text, limit);
    }

    static int cells(String text) {
        return TextWrap.cells(text);
    }

    private static String pad(String text, int target, boolean right) {
        String fill = " ".repeat(Math.max(0, target - cells(text)));
        return right ? fill + text : text + fill;
    }

    private String style(String text, AttributedStyle style) {
        return color ? new AttributedString(text, style).toAnsi() : text;
    }
}
