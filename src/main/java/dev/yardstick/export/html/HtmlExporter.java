package dev.yardstick.export.html;

import dev.yardstick.export.Exporter;
import dev.yardstick.export.Json;
import dev.yardstick.export.charts.Chart;
import dev.yardstick.export.charts.ChartGroup;
import dev.yardstick.export.charts.ChartRenderer;
import dev.yardstick.export.charts.ReportCharts;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page per report: its provenance in the header, its charts inline as SVG, the compare
 * matrix where there is one, every table the other formats show, and the metric definitions one click away. No
 * external script, font, style or image: the page reads the same offline, attached to a CI run or mailed.
 */
public final class HtmlExporter implements Exporter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String commandLine;

    /** @param commandLine the command as typed, for the header; null to name the report's command only */
    public HtmlExporter(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append(page(report, Instant.now()));
    }

    String page(Report report, Instant now) {
        Document doc = report.document();
        Provenance provenance = Provenance.of(report, commandLine, now);
        List<ChartGroup> groups = ReportCharts.of(report);
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"yardstick ").append(Html.text(provenance.version()))
                .append("\">\n<title>").append(Html.text(doc.title())).append("</title>\n<style>\n")
                .append(resource("report.css")).append("</style>\n<script>\n").append(resource("theme.js"))
                .append("</script>\n</head>\n<body>\n<div class=\"page\">\n");
        header(doc, provenance, html);
        contents(report, groups, html);
        html.append("<main>\n");
        if (report instanceof CompareReport compare && !compare.samples().isEmpty()) {
            html.append("<section id=\"matrix\">\n<h2>Cases and answers</h2>\n");
            CompareMatrix.write(compare, html);
            html.append("</section>\n");
        }
        charts(groups, html);
        html.append("<section id=\"report\">\n<h2>Report</h2>\n");
        DocumentHtml.write(doc, html);
        html.append("</section>\n");
        definitions(Definitions.of(report), html);
        html.append("</main>\n<footer>Written by yardstick ").append(Html.text(provenance.version()))
                .append(" on ").append(TIME.format(now)).append(". Self-contained: no file or network access is"
                        + " needed to read it.</footer>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(Document doc, Provenance p, StringBuilder html) {
        html.append("<header class=\"top\">\n<div>\n<h1>").append(Html.text(doc.title())).append("</h1>\n")
                .append("<dl class=\"provenance\">\n");
        item(html, "command", "<code>" + Html.text(p.commandLine()) + "</code>");
        item(html, "version", "yardstick " + Html.text(p.version()));
        item(html, "time", p.startedAt() == null ? "written " + TIME.format(p.finishedAt())
                : TIME.format(p.startedAt()) + " → " + TIME.format(p.finishedAt()));
        if (!p.models().isEmpty()) {
            StringBuilder models = new StringBuilder();
            p.models().forEach((name, about) -> models.append(models.isEmpty() ? "" : "<br>").append("<strong>")
                    .append(Html.text(name)).append("</strong> ").append(Html.text(about)));
            item(html, "models", folded(p.models().size(), "models", models.toString()));
        }
        if (!p.prices().isEmpty()) {
            item(html, "prices", folded(p.prices().size(), "price rows",
                    String.join("<br>", p.prices().stream().map(Html::text).toList())));
        }
        html.append("</dl>\n</div>\n<button type=\"button\" class=\"theme\" id=\"theme-toggle\">Theme: auto</button>\n")
                .append("</header>\n");
        if (p.interrupted()) {
            html.append("<p class=\"banner\">This run was interrupted: the figures cover the requests that finished.</p>\n");
        }
    }

    /** A long list folded behind its count, so the header stays a header. */
    private static String folded(int count, String what, String listHtml) {
        return count <= 4 ? listHtml : "<details><summary>" + count + " " + what + "</summary>" + listHtml + "</details>";
    }

    private static void item(StringBuilder html, String key, String valueHtml) {
        html.append("<dt>").append(key).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static void contents(Report report, List<ChartGroup> groups, StringBuilder html) {
        List<String> links = new ArrayList<>();
        if (report instanceof CompareReport compare && !compare.samples().isEmpty()) {
            links.add("<a href=\"#matrix\">Cases and answers</a>");
        }
        groups.forEach(g -> links.add("<a href=\"#" + Html.slug(g.heading()) + "\">" + Html.text(g.heading()) + "</a>"));
        links.add("<a href=\"#report\">Report</a>");
        links.add("<a href=\"#definitions\">Definitions</a>");
        html.append("<nav class=\"toc\">").append(String.join(" ", links)).append("</nav>\n");
    }

    private static void charts(List<ChartGroup> groups, StringBuilder html) {
        int n = 0;
        for (ChartGroup group : groups) {
            html.append("<section class=\"chart-group\" id=\"").append(Html.slug(group.heading())).append("\">\n<h2>")
                    .append(Html.text(group.heading())).append("</h2>\n<div class=\"charts\">\n");
            for (Chart chart : group.charts()) {
                n++;
                html.append("<figure class=\"chart\" id=\"").append(Html.slug(chart.id())).append("\" data-series=\"")
                        .append(Html.text(json(chart.series()))).append("\" data-x-axis=\"")
                        .append(Html.text(chart.xAxis())).append("\" data-y-axis=\"").append(Html.text(chart.yAxis()))
                        .append("\">\n").append(svgOrWhy(chart, "c" + n + "-"))
                        .append("\n<figcaption>").append(Html.text(chart.caption())).append("</figcaption>\n</figure>\n");
            }
            html.append("</div>\n</section>\n");
        }
    }

    /**
     * The chart's SVG; where this machine cannot draw it (Java2D without fonts, say), a line saying so, so the page
     * still holds every table and every other chart.
     */
    static String svgOrWhy(Chart chart, String prefix) {
        try {
            return ChartRenderer.inlineSvg(chart, prefix);
        } catch (RuntimeException | java.awt.AWTError | InternalError e) {
            return "<p class=\"banner\">This chart could not be drawn on the machine that wrote the report: "
                    + Html.text(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                    + "</p>";
        }
    }

    private static void definitions(Map<String, String> definitions, StringBuilder html) {
        html.append("<section class=\"definitions\" id=\"definitions\">\n<h2>Definitions</h2>\n<details>\n")
                .append("<summary>What every figure means (")
                .append(definitions.size()).append(" definitions)</summary>\n<p>Latencies count from a request's"
                        + " scheduled start, so a stalled server is never hidden (coordinated omission); percentiles come"
                        + " from HdrHistogram at 3 significant digits; failed requests are outside latencies and"
                        + " throughput but inside the error rate.</p>\n<dl>\n");
        definitions.forEach((key, text) -> html.append("<dt>").append(Html.text(key)).append("</dt><dd>")
                .append(Html.text(text)).append("</dd>\n"));
        html.append("</dl>\n</details>\n</section>\n");
    }

    /** A JSON array of strings, for a data attribute a script or test reads. */
    private static String json(List<String> values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a list of strings always serialises
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlExporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
