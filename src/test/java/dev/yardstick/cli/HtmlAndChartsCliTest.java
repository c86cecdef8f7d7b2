package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o FILE.html}, {@code --format html} and {@code --charts DIR} through the command line. */
class HtmlAndChartsCliTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of("YARDSTICK_PRICES", dir.resolve("no-prices.yaml").toString(), "COLUMNS", "200"), null,
                args);
    }

    @Test
    void aBenchmarkWritesAnHtmlPageAndMarkdownWithItsChartsBesideIt() throws Exception {
        Path html = dir.resolve("out/report.html");
        Path md = dir.resolve("out/report.md");
        Path charts = dir.resolve("out/charts");
        Files.createDirectories(md.getParent());
        CliRun result = run("benchmark", "-m", "mock/fast?ttft=1ms&itl=0ms&tokens=8&jitter=0", "--requests", "20",
                "--concurrency", "2", "-o", html.toString(), "-o", md.toString(), "--charts", charts.toString());
        assertEquals(0, result.exitCode(), result.err());

        String page = Files.readString(html);
        assertTrue(page.contains("<code>yardstick benchmark -m &#39;mock/fast?ttft=1ms&amp;itl=0ms&amp;tokens=8&amp;"
                + "jitter=0&#39; --requests 20"), "the command as typed, quoted where a shell needs it");
        assertTrue(page.contains("id=\"benchmark-ttft-percentiles\""));

        List<String> files;
        try (Stream<Path> list = Files.list(charts)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.containsAll(List.of("benchmark-ttft-cdf.png", "benchmark-ttft-cdf.svg",
                "benchmark-e2e-percentiles.svg", "benchmark-e2e-histogram.png")), files.toString());
        String markdown = Files.readString(md);
        assertTrue(markdown.contains("![TTFT CDF](charts/benchmark-ttft-cdf.svg)"), "relative to the Markdown file");
        for (String file : files) {
            assertTrue(markdown.contains("charts/" + file), file + " is linked");
        }
        assertFalse(Files.readString(html).contains("charts/"), "the page has its charts inline");
    }

    @Test
    void markdownOnStdoutLinksTheChartsFromTheWorkingDirectory() throws Exception {
        Path charts = dir.resolve("pictures");
        CliRun result = run("benchmark", "-m", "mock/fast?ttft=1ms&itl=0ms&tokens=8&jitter=0", "--requests", "10",
                "--format", "markdown", "--charts", charts.toString());
        assertEquals(0, result.exitCode(), result.err());
        String relative = Path.of("").toAbsolutePath().relativize(charts.toAbsolutePath()).toString();
        assertTrue(result.out().contains("](" + relative + "/benchmark-ttft-cdf.svg)"), result.out());
        assertTrue(Files.isRegularFile(charts.resolve("benchmark-ttft-cdf.png")));
    }

    @Test
    void failedRequestsAreDrawnByErrorClass() throws Exception {
        Path html = dir.resolve("faults.html");
        CliRun result = run("benchmark", "-m", "mock/fast", "--requests", "12", "--concurrency", "4", "--fault", "mock/fast:503@2-4", "--fault", "mock/fast:429@6", "-o", html.toString());
        assertEquals(0, result.exitCode(), result.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<figure class=\"chart\" id=\"benchmark-errors\" data-series=\"[&quot;rate-limited"
                + "&quot;,&quot;http-5xx&quot;]\""), page.substring(page.indexOf("id=\"errors\"") + 1));
    }

    @Test
    void aDiffOfTwoCompareReportsIsAPageWithBothReportsNamed() throws Exception {
        Path html = dir.resolve("diff.html");
        CliRun result = run("report", "diff", "reports/compare-stories.json", "reports/compare-stories.json", "-o",
                html.toString());
        assertEquals(0, result.exitCode(), result.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<dt>models</dt><dd><strong>baseline</strong> ") && page.contains("<strong>new</strong>"),
                page.substring(0, Math.min(3000, page.length())));
        assertTrue(page.contains("<code>yardstick report diff reports/compare-stories.json"));
    }

    @Test
    void htmlOnStdoutIsThePage() {
        CliRun result = run("benchmark", "-m", "mock/fast?ttft=1ms&itl=0ms&tokens=8&jitter=0", "--requests", "10",
                "--format", "html");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("<!DOCTYPE html>") && result.out().endsWith("</html>\n"));
    }

    @Test
    void chartsWithoutAMarkdownReportIsAUsageError() {
        CliRun result = run("benchmark", "-m", "mock/fast", "--requests", "5", "-o", dir.resolve("r.json").toString(),
                "--charts", dir.resolve("c").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--charts draws the charts of a Markdown report"), result.err());
        assertFalse(Files.exists(dir.resolve("r.json")), "refused before the run");
    }

    /** The chart library costs start-up only where pictures are asked for. */
    @Test
    void aRunWithoutHtmlOrChartsLoadsNoChartCode() throws Exception {
        for (boolean html : new boolean[] {false, true}) {
            try (ChildCli child = ChildCli.start(dir, Map.of(), List.of("-Xss1m", "-verbose:class"), "benchmark", "-m",
                    "mock/fast?ttft=1ms&itl=0ms&tokens=8", "--requests", "5", "-o",
                    dir.resolve(html ? "r.html" : "r.md").toString())) {
                assertEquals(0, child.waitFor(120), child.err());
                boolean loaded = child.out().contains("org.jfree.") || child.out().contains("dev.yardstick.export.html.");
                assertEquals(html, loaded, html ? "an HTML report draws its charts" : "a Markdown report loads none");
            }
        }
    }

    @Test
    void aCostAnalysisWritesItsPageWithThePricesUsed() throws Exception {
        Path html = dir.resolve("cost.htm");
        CliRun result = run("cost-analyze", "scenarios/cost-support-bot.yaml", "-o", html.toString());
        assertEquals(0, result.exitCode(), result.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<dt>prices</dt>") && page.contains("id=\"cost-1-split\""));
    }
}
