package dev.yardstick.export;

import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import java.io.IOException;
import java.util.List;

/** GitHub-flavoured Markdown, fit for a PR comment or {@code $GITHUB_STEP_SUMMARY}. */
public final class MarkdownExporter implements Exporter {

    @Override
    public void write(Report report, Appendable out) throws IOException {
        Document doc = report.document();
        out.append("# ").append(ControlChars.visible(doc.title())).append("\n\n");
        for (Document.Block block : doc.blocks()) {
            switch (block) {
                case Document.Heading h -> out.append("## ").append(ControlChars.visible(h.text())).append("\n\n");
                case Document.Paragraph p -> {
                    String text = ControlChars.visible(p.text());
                    out.append(p.emphasis() ? "> **" + text + "**" : text).append("\n\n");
                }
                case Document.KeyValues kv -> {
                    for (Document.KeyValue e : kv.entries()) {
                        out.append("- **").append(e.key()).append("**: ").append(escape(e.value())).append('\n');
                    }
                    out.append('\n');
                }
                case Document.Grid g -> grid(g, out);
            }
        }
    }

    private static void grid(Document.Grid grid, Appendable out) throws IOException {
        row(grid.headers(), out);
        out.append('|');
        for (Boolean numeric : grid.numeric()) {
            out.append(numeric ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<String> cells : grid.rows()) {
            row(cells, out);
        }
        out.append('\n');
    }

    private static void row(List<String> cells, Appendable out) throws IOException {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell).replace("\n", "<br>")).append(" |");
        }
        out.append('\n');
    }

    /** A cell or value: control characters shown, pipes escaped so they cannot end a table cell. */
    private static String escape(String text) {
        return text == null ? "" : ControlChars.visible(text).replace("|", "\\|");
    }
}
