package dev.yardstick.export.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.CompareReport;
import dev.yardstick.report.Report;
import dev.yardstick.report.SampleRecord;
import dev.yardstick.stats.ModelStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlExporterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String EVIL = "</pre><script>alert(1)</script><img src=x onerror=alert(2)>\u001b[31m";

    private static String page(Report report) {
        return new HtmlExporter("yardstick compare -m mock/fast -o 'my report.html'").page(report, NOW);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void aComparePageHasTheMatrixChartsTablesDefinitionsAndProvenance() {
        String html = page(ExampleReports.compare());
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        for (String section : List.of("id=\"matrix\"", "id=\"latency-distributions\"", "id=\"cost-and-quality\"",
                "id=\"report\"", "id=\"definitions\"")) {
            assertTrue(html.contains(section), section);
        }
        assertTrue(html.contains("<code>yardstick compare -m mock/fast -o &#39;my report.html&#39;</code>"));
        assertTrue(html.contains("<dt>version</dt><dd>yardstick 0.1.0</dd>"), "the report's own version");
        assertTrue(html.contains("2026-11-22 07:05:23 UTC → 2026-11-22 07:05:24 UTC"), "the run's own times");
        assertTrue(html.contains("<strong>local/stories260k</strong> local, tokens counted"));
        assertTrue(html.contains("mock/fast: not priced, counted as $0"), "price rows");
        // 3 cases × 2 models, each with a verdict; every answer of the 5 repetitions one click away
        assertEquals(6, count(html, "<span class=\"badge pass\">pass 5/5</span>"));
        assertEquals(30, count(html, "<summary>answer "));
        assertEquals(6, count(html, "<details open><summary>answer 1</summary>"));
        assertTrue(html.contains("<dt>ttft</dt><dd>TTFT: scheduled start → first content chunk"), "definitions");
        assertEquals(8, count(html, "<figure class=\"chart\""), "TTFT and E2E: 3 each; cost; pass rate");
    }

    @Test
    void everyKindOfReportGetsItsCharts() {
        assertCharts(page(ExampleReports.benchmark()), "benchmark-ttft-percentiles", "benchmark-e2e-histogram");
        assertCharts(page(ExampleReports.sweep()), "sweep-ttft", "sweep-throughput", "sweep-output-tps");
        assertCharts(page(ExampleReports.cost()), "cost-1-split", "cost-1-break-even-cache-share");
        assertCharts(page(ExampleReports.switchTest()), "switch-1-timeline", "switch-1-windows");
        assertCharts(page(ExampleReports.diff()), "diff-1-ttft", "diff-1-e2e");
    }

    private static void assertCharts(String html, String... ids) {
        for (String id : ids) {
            Matcher figure = Pattern.compile("<figure class=\"chart\" id=\"" + id + "\" data-series=\"([^\"]*)\"[^>]*>\\n"
                    + "<svg[^>]*viewBox=[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(html);
            assertTrue(figure.find(), id);
            String svg = figure.group(2);
            assertTrue(svg.contains("<path") || svg.contains("<rect"), id + " draws something");
            for (String series : figure.group(1).replace("&quot;", "\"").replaceAll("^\\[\"|\"\\]$", "")
                    .split("\",\"")) {
                assertTrue(svg.contains(">" + series.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        + "</text>"), id + " has a legend entry for " + series);
            }
        }
    }

    @Test
    void aPageIsSelfContained() {
        for (Report report : List.of(ExampleReports.compare(), ExampleReports.sweep(), ExampleReports.cost())) {
            String html = page(report);
            assertFalse(html.matches("(?s).*(<link|<img|<iframe|@import|src=\"|url\\(http|href=\"http).*"),
                    "nothing to fetch");
            assertTrue(html.contains("<style>") && html.contains("prefers-color-scheme: dark"), "themes inline");
            assertTrue(html.contains("id=\"theme-toggle\""), "the theme toggle");
        }
    }

    @Test
    void untrustedTextIsEscapedEverywhere() {
        CompareReport base = ExampleReports.compare();
        String model = "<img src=x onerror=alert(3)>";
        List<SampleRecord> samples = new ArrayList<>();
        for (SampleRecord s : base.samples()) {
            samples.add(new SampleRecord(s.sequence(), s.model().equals("mock/fast") ? model : s.model(),
                    s.promptId() + EVIL, s.repetition(), s.ok(), s.ttftMs(), s.e2eMs(), s.queueMs(), s.chunks(),
                    s.itlMs(), s.tokens(), EVIL, s.finishReason(), s.requestId(), s.error(), s.checks(), s.costUsd(),
                    s.flags(), s.attempts(), s.retryMs(), s.grade()));
        }
        List<CompareReport.ModelSummary> summary = base.summary().stream().map(m -> {
            ModelStats st = m.stats();
            String name = m.model().equals("mock/fast") ? model : m.model();
            return new CompareReport.ModelSummary(name, new ModelStats(name, st.requests(), st.errorRate(),
                    st.window(), st.windowSeconds(), st.requestThroughput(), st.outputTokensPerSecond(), st.goodput(),
                    st.sloAttainment(), st.slo(), st.tokens(), st.summaries(), st.flags()), m.costUsd(),
                    m.costPerRequestUsd(), m.checksPassed(), m.checksTotal(), m.casesPassed(), m.casesGraded());
        }).toList();
        List<CompareReport.PromptInfo> prompts = base.prompts().stream()
                .map(p -> new CompareReport.PromptInfo(p.id() + EVIL, EVIL, p.messages())).toList();
        List<dev.yardstick.report.ModelInfo> models = base.models().stream().map(m -> m.model().equals("mock/fast")
                ? new dev.yardstick.report.ModelInfo(model, m.provider(), m.synthetic(), m.tokenizer(), m.tokenSource(),
                m.contextWindow(), m.price()) : m).toList();
        String html = page(new CompareReport(base.run(), models, prompts, samples, summary, base.metrics()));

        assertFalse(html.contains("<script>alert"), "no script from a report");
        assertFalse(html.contains("<img"), "no element from a report, in the page or a chart");
        assertFalse(html.contains("\u001b"), "control characters are shown, not written");
        assertTrue(html.contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
                + "\\x1b[31m"), "the answer, shown as text");
        assertTrue(html.contains("&lt;img src=x onerror=alert(3)&gt;</text>"), "the model's name in a chart legend");
        assertEquals(1, count(html, "<script>"), "the page's own theme script only");
    }

    @Test
    void aChartThisMachineCannotDrawLeavesALineInsteadOfThePage() {
        org.jfree.chart.plot.Plot broken = new org.jfree.chart.plot.XYPlot() {
            @Override
            public void draw(java.awt.Graphics2D g, java.awt.geom.Rectangle2D area, java.awt.geom.Point2D anchor,
                             org.jfree.chart.plot.PlotState state, org.jfree.chart.plot.PlotRenderingInfo info) {
                throw new java.awt.AWTError("no fonts <here>");
            }
        };
        var chart = new dev.yardstick.export.charts.Chart("x", "X", "caption", new org.jfree.chart.JFreeChart(broken),
                List.of("s"), "x", "y", 400, 300);
        assertEquals("<p class=\"banner\">This chart could not be drawn on the machine that wrote the report: AWTError:"
                + " no fonts &lt;here&gt;</p>", HtmlExporter.svgOrWhy(chart, "p-"));
    }

    @Test
    void anInterruptedRunSaysSo() {
        var report = ExampleReports.benchmark();
        var run = report.run();
        var interrupted = new dev.yardstick.report.BenchmarkReport(new dev.yardstick.report.RunInfo(run.tool(),
                run.version(), run.command(), run.startedAt(), run.finishedAt(), true, run.settings()),
                report.models(), report.steps(), report.gates(), report.stoppedEarly(), report.notes(),
                report.definitions());
        assertTrue(page(interrupted).contains("This run was interrupted"));
        assertFalse(page(report).contains("This run was interrupted"));
    }

    @Test
    void aReportWithoutARunHeaderIsDescribedByTheCommandLineAndNow() {
        String html = new HtmlExporter(null).page(ExampleReports.cost(), NOW);
        assertTrue(html.contains("<code>yardstick</code>"), "no command line known");
        assertTrue(html.contains("written 2026-11-28 10:00:00 UTC"));
        assertTrue(html.contains("14 price rows</summary>"), "a long list folded: " + html.substring(0, 3000));
    }
}
