package dev.yardstick.export.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewPagesTest {

    @Test
    void writesEveryKind() throws Exception {
        Path dir = Path.of("target", "html-preview");
        Files.createDirectories(dir);
        Map<String, Report> all = Map.of("compare", ExampleReports.compare(), "benchmark", ExampleReports.benchmark(),
                "sweep", ExampleReports.sweep(), "switch", ExampleReports.switchTest(), "cost", ExampleReports.cost(),
                "diff", ExampleReports.diff());
        for (var e : all.entrySet()) {
            String page = new HtmlExporter("yardstick test").page(e.getValue(), Instant.now());
            Files.writeString(dir.resolve(e.getKey() + ".html"), page);
            assertTrue(page.contains("</html>"));
        }
    }
}
