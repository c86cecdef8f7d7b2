package dev.yardstick.export.html;

import dev.yardstick.report.Document;
import java.util.List;

/**
 * A report's {@link Document} as HTML: the same headings, paragraphs, key/value lists and tables the table and
 * Markdown formats show, so the page holds every figure they hold. Every string is escaped.
 */
final class DocumentHtml {

    private DocumentHtml() {
    }

    static void write(Document doc, StringBuilder out) {
        for (Document.Block block : doc.blocks()) {
            switch (block) {
                case Document.Heading h -> out.append("<h3>").append(Html.text(h.text())).append("</h3>\n");
                case Document.Paragraph p -> out.append(p.emphasis() ? "<p class=\"verdict\"><strong>" : "<p>")
                        .append(Html.text(p.text())).append(p.emphasis() ? "</strong></p>\n" : "</p>\n");
                case Document.KeyValues kv -> {
                    out.append("<ul class=\"kv\">\n");
                    for (Document.KeyValue e : kv.entries()) {
                        out.append("<li><b>").append(Html.text(e.key())).append(":</b> ")
                                .append(Html.text(e.value())).append("</li>\n");
                    }
                    out.append("</ul>\n");
                }
                case Document.Grid g -> grid(g, out);
            }
        }
    }

    private static void grid(Document.Grid grid, StringBuilder out) {
        out.append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (int i = 0; i < grid.headers().size(); i++) {
            out.append(grid.numeric().get(i) ? "<th class=\"num\">" : "<th>").append(Html.text(grid.headers().get(i)))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : grid.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = i < grid.numeric().size() && grid.numeric().get(i);
                out.append(numeric ? "<td class=\"num\">" : grid.wrap() ? "<td class=\"prose\">" : "<td>")
                        .append(Html.text(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }
}
