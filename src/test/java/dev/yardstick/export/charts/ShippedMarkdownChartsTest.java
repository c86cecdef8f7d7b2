package dev.yardstick.export.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The shipped Markdown reports' pictures show in a GitHub-flavoured viewer: every image link is relative, points at
 * a file that is there, and each SVG is a well-formed standalone SVG document with its own size.
 */
class ShippedMarkdownChartsTest {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @Test
    void everyImageOfEveryShippedMarkdownReportIsThere() throws Exception {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("reports"))) {
            for (Path md : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Matcher m = IMAGE.matcher(Files.readString(md));
                while (m.find()) {
                    String link = m.group(1);
                    assertTrue(!link.startsWith("/") && !link.contains("://"), "relative: " + link);
                    Path target = md.resolveSibling(link);
                    assertTrue(Files.isRegularFile(target), md + " links " + link);
                    if (link.endsWith(".svg")) {
                        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(target.toFile())
                                .getDocumentElement();
                        assertEquals("svg", svg.getTagName());
                        assertEquals("http://www.w3.org/2000/svg", svg.getAttribute("xmlns"));
                        assertTrue(!svg.getAttribute("width").isEmpty() && !svg.getAttribute("viewBox").isEmpty());
                        assertTrue(Files.isRegularFile(target.resolveSibling(target.getFileName().toString()
                                .replace(".svg", ".png"))), "its PNG beside it");
                    }
                    checked.add(link);
                }
            }
        }
        assertTrue(checked.size() >= 10, "the shipped sweep report shows its charts: " + checked);
    }
}
