package dev.yardstick.export.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.export.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example HTML report shipped in {@code reports/}, loaded in a real browser (headless Chromium): no script
 * error, every chart drawn (an SVG with a size, its legend naming every series it should, its axis titles), the
 * theme toggle working, and a screenshot taken. The assertions read the DOM the browser built, not pixels.
 *
 * <p>Chromium is Debian's package. Where it is missing the test installs it when it can (root with apt-get), else
 * it is skipped with the reason printed.
 */
class ChromiumPagesTest {

    /** Records script errors before the page's own script runs. */
    private static final String CATCH = "<script>window.__errors=[];"
            + "window.addEventListener('error',function(e){window.__errors.push(String(e.message));});"
            + "window.addEventListener('unhandledrejection',function(e){window.__errors.push(String(e.reason));});"
            + "</script>";

    /**
     * After the page loaded: what each chart drew, and what one click on the theme toggle did (from "auto" it
     * chooses dark), written into the DOM.
     */
    private static final String PROBE = "<script>window.addEventListener('load',function(){"
            + "var out={errors:window.__errors,charts:[]};"
            + "document.querySelectorAll('figure.chart').forEach(function(f){var svg=f.querySelector('svg');"
            + "var box=svg?svg.getBoundingClientRect():{width:0,height:0};"
            + "var texts=svg?Array.prototype.map.call(svg.querySelectorAll('text'),function(t){return t.textContent;}):[];"
            + "out.charts.push({id:f.id,width:box.width,height:box.height,series:JSON.parse(f.dataset.series),"
            + "xAxis:f.dataset.xAxis,yAxis:f.dataset.yAxis,texts:texts,"
            + "shapes:svg?svg.querySelectorAll('path,rect,line,polyline').length:0});});"
            + "document.getElementById('theme-toggle').click();"
            + "out.theme=document.documentElement.dataset.theme;"
            + "out.background=getComputedStyle(document.body).backgroundColor;"
            + "var pre=document.createElement('pre');pre.id='__probe';pre.textContent=JSON.stringify(out);"
            + "document.body.appendChild(pre);});</script>";

    private static final Pattern RESULT = Pattern.compile("<pre id=\"__probe\">(.*?)</pre>", Pattern.DOTALL);

    private static String chromium;

    @BeforeAll
    static void findOrInstallChromium() throws Exception {
        chromium = Browser.find();
        if (chromium == null) {
            String why = Browser.install();
            chromium = Browser.find();
            if (chromium == null) {
                System.out.println("ChromiumPagesTest skipped: " + why);
            }
        }
        Assumptions.assumeTrue(chromium != null, "no Chromium, and it could not be installed");
    }

    @TestFactory
    Stream<DynamicTest> everyShippedExamplePageRendersInABrowser(@TempDir Path temp) throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Path.of("reports"))) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() >= 6, "an example page for every command: " + pages);
        return pages.stream().map(page -> DynamicTest.dynamicTest(page.getFileName().toString(),
                () -> check(page, temp)));
    }

    private static void check(Path page, Path temp) throws Exception {
        String html = Files.readString(page);
        Path probed = temp.resolve("probed-" + page.getFileName());
        Files.writeString(probed, html.replaceFirst("<head>", "<head>\n" + CATCH)
                .replace("</body>", PROBE + "</body>"));
        // One browser start a page: the DOM the probe wrote, and the screenshot, in the same run.
        Path shot = temp.resolve(page.getFileName() + ".png");
        String dom = Browser.run(chromium, temp, "--dump-dom", "--virtual-time-budget=3000",
                "--screenshot=" + shot, "--window-size=1280,1600", "--hide-scrollbars", probed.toUri().toString());
        Matcher m = RESULT.matcher(dom);
        assertTrue(m.find(), "the probe ran: " + dom.substring(0, Math.min(500, dom.length())));
        JsonNode result = Json.mapper().readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&"));

        assertEquals(0, result.get("errors").size(), "script errors: " + result.get("errors"));
        int figures = html.split("<figure class=\"chart\"", -1).length - 1;
        assertTrue(figures > 0, "the page has charts");
        assertEquals(figures, result.get("charts").size());
        for (JsonNode chart : result.get("charts")) {
            String id = chart.get("id").asText();
            assertTrue(chart.get("width").asDouble() > 200 && chart.get("height").asDouble() > 100,
                    id + " has a size: " + chart);
            assertTrue(chart.get("shapes").asInt() > 10, id + " drew something");
            List<String> texts = new ArrayList<>();
            chart.get("texts").forEach(t -> texts.add(t.asText()));
            assertTrue(chart.get("series").size() > 0, id + " names its series");
            for (JsonNode series : chart.get("series")) {
                assertTrue(texts.contains(series.asText()), id + " shows series " + series + " in " + texts);
            }
            for (String axis : List.of("xAxis", "yAxis")) {
                String title = chart.get(axis).asText();
                assertTrue(texts.contains(title), id + " titles its " + axis + " '" + title + "': " + texts);
            }
        }
        assertEquals("dark", result.get("theme").asText(), "the toggle switches the theme");
        assertEquals("rgb(15, 20, 25)", result.get("background").asText(), "the dark theme's background");

        byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a screenshot");
    }

    /** Debian's Chromium: finding it, installing it, running it headless on this closed network. */
    static final class Browser {

        private Browser() {
        }

        static String find() {
            for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
                if (Files.isExecutable(Path.of(candidate))) {
                    return candidate;
                }
            }
            return null;
        }

        /** Installs Debian's chromium as root with apt-get; returns why it could not, else null. */
        static String install() throws InterruptedException {
            if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
                return "no apt-get to install chromium with";
            }
            if (!"root".equals(System.getProperty("user.name"))) {
                return "installing chromium needs root (apt-get install chromium)";
            }
            try {
                long start = System.nanoTime();
                Process p = new ProcessBuilder("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive"
                        + " apt-get install -y -qq chromium").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return "apt-get install chromium took over 5 minutes";
                }
                System.out.printf("ChromiumPagesTest: installed chromium in %.0f s (exit %d)%n",
                        (System.nanoTime() - start) / 1e9, p.exitValue());
                return p.exitValue() == 0 ? null : "apt-get install chromium exited " + p.exitValue();
            } catch (IOException e) {
                return "cannot run apt-get: " + e.getMessage();
            }
        }

        /** Runs headless Chromium once with a fresh profile; returns what it printed on stdout. */
        static String run(String chromium, Path temp, String... args) throws IOException, InterruptedException {
            Path profile = Files.createTempDirectory(temp, "profile-");
            List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(List.of(args));
            Path out = temp.resolve("chromium-" + System.nanoTime() + ".out");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 90 s: " + command);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        }
    }
}
