package dev.yardstick.export;

import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/**
 * The terminal view: aligned tables that fit the terminal's width. Columns of prose (the models' answers side by
 * side) share what width is left and wrap at word boundaries; widths count display cells (wide characters, emoji)
 * through jline, so columns stay aligned whatever the text.
 */
public final class TableExporter implements Exporter {

    private static final int MIN_WRAP_WIDTH = 12;
    private static final String GAP = "  ";

    private final int width;
    private final boolean color;

    public TableExporter(int width, boolean color) {
        this.width = Math.max(40, width);
        this.color = color;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        Document doc = report.document();
        out.append(style(doc.title(), AttributedStyle.BOLD)).append('\n');
        for (Document.Block block : doc.blocks()) {
            switch (block) {
                case Document.Heading h -> out.append('\n').append(style(h.text(), AttributedStyle.BOLD.underline()))
                        .append('\n');
                case Document.Paragraph p -> paragraph(p, out);
                case Document.KeyValues kv -> keyValues(kv, out);
                case Document.Grid g -> grid(g, out);
            }
        }
    }

    private void paragraph(Document.Paragraph p, Appendable out) throws IOException {
        for (String line : wrap(p.text(), width)) {
            out.append(p.emphasis() ? style(line, AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW)) : line)
                    .append('\n');
        }
    }

    private void keyValues(Document.KeyValues kv, Appendable out) throws IOException {
        int keyWidth = kv.entries().stream().mapToInt(e -> cells(e.key())).max().orElse(0);
        for (Document.KeyValue e : kv.entries()) {
            out.append(pad(e.key(), keyWidth, false)).append(GAP).append(e.value()).append('\n');
        }
    }

    private void grid(Document.Grid grid, Appendable out) throws IOException {
        int columns = grid.headers().size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = cells(grid.headers().get(c));
            for (List<String> row : grid.rows()) {
                for (String line : row.get(c).split("\n", -1)) {
                    widths[c] = Math.max(widths[c], cells(line));
                }
            }
        }
        if (grid.wrap()) {
            fitToWidth(widths, grid);
        }
        List<List<String>> header = List.of(grid.headers());
        printRows(header, widths, grid, out, true);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : GAP).append("─".repeat(widths[c]));
        }
        out.append(style(rule.toString(), AttributedStyle.DEFAULT.faint())).append('\n');
        printRows(grid.rows(), widths, grid, out, false);
    }

    /** Shares the terminal's width among the columns, shrinking the widest first, never below a readable minimum. */
    private void fitToWidth(int[] widths, Document.Grid grid) {
        int budget = width - GAP.length() * (widths.length - 1);
        while (sum(widths) > budget) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                if (widths[c] > widths[widest]) {
                    widest = c;
                }
            }
            if (widths[widest] <= MIN_WRAP_WIDTH || grid.numeric().get(widest)) {
                return;
            }
            widths[widest]--;
        }
    }

    private void printRows(List<List<String>> rows, int[] widths, Document.Grid grid, Appendable out, boolean header)
            throws IOException {
        for (List<String> row : rows) {
            List<List<String>> wrapped = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < widths.length; c++) {
                List<String> lines = wrap(row.get(c), widths[c]);
                wrapped.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int line = 0; line < height; line++) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < widths.length; c++) {
                    String cell = line < wrapped.get(c).size() ? wrapped.get(c).get(line) : "";
                    boolean last = c == widths.length - 1;
                    text.append(c == 0 ? "" : GAP)
                            .append(last && !grid.numeric().get(c) ? cell : pad(cell, widths[c], grid.numeric().get(c)));
                }
                String printed = text.toString().stripTrailing();
                out.append(header ? style(printed, AttributedStyle.BOLD) : printed).append('\n');
            }
            if (grid.wrap() && !header && height > 1) {
                out.append('\n');
            }
        }
    }

    /** Breaks text into lines of at most {@code limit} display cells, at spaces where possible. */
    static List<String> wrap(String text, int limit) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lineCells = 0;
            for (String word : paragraph.split(" ", -1)) {
                int wordCells = cells(word);
                if (lineCells > 0 && lineCells + 1 + wordCells > limit) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineCells = 0;
                }
                while (wordCells > limit) { // a word longer than the column: hard-break it
                    int cut = prefixFitting(word, limit - lineCells - (lineCells > 0 ? 1 : 0));
                    if (cut == 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineCells = 0;
                        continue;
                    }
                    line.append(lineCells > 0 ? " " : "").append(word, 0, cut);
                    lines.add(line.toString());
                    line.setLength(0);
                    lineCells = 0;
                    word = word.substring(cut);
                    wordCells = cells(word);
                }
                if (lineCells > 0) {
                    line.append(' ');
                    lineCells++;
                }
                line.append(word);
                lineCells += wordCells;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static int prefixFitting(String word, int cellsAvailable) {
        int used = 0;
        int i = 0;
        while (i < word.length()) {
            int cp = word.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > cellsAvailable) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return i;
    }

    static int cells(String text) {
        return new AttributedString(text).columnLength();
    }

    private static String pad(String text, int target, boolean right) {
        String fill = " ".repeat(Math.max(0, target - cells(text)));
        return right ? fill + text : text + fill;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    private String style(String text, AttributedStyle style) {
        return color ? new AttributedString(text, style).toAnsi() : text;
    }
}
