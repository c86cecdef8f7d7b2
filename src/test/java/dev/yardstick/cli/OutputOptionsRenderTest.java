package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.Tabular;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format is rendered once however many outputs ask for it. */
class OutputOptionsRenderTest {

    @TempDir
    Path dir;

    /** A report that counts how often an exporter asks for its document. */
    private record Counted(AtomicInteger documents) implements Report {
        @Override
        public Document document() {
            documents.incrementAndGet();
            return new Document("Counted", List.of(new Document.Paragraph("one paragraph", false)));
        }

        @Override
        public Tabular tabular() {
            return new Tabular(List.of("a"), List.of(List.of(1)));
        }
    }

    private static String emit(OutputOptions options, Report report) {
        StringWriter out = new StringWriter();
        Session session = new Session(Map.of("NO_COLOR", "1"), null, new PrintWriter(out), new PrintWriter(
                new StringWriter()));
        options.emit(report, session);
        return out.toString();
    }

    @Test
    void htmlOnStdoutAndInAFileIsRenderedOnceAndWrittenAlike() throws Exception {
        OutputOptions options = new OutputOptions();
        options.format = "html";
        Path page = dir.resolve("x.html");
        Path other = dir.resolve("y.htm");
        options.outputs = List.of(page, other);
        AtomicInteger documents = new AtomicInteger();
        String stdout = emit(options, new Counted(documents));
        assertEquals(1, documents.get(), "one rendering for stdout and both files");
        assertTrue(stdout.contains("one paragraph"), stdout);
        assertEquals(stdout, Files.readString(page));
        assertEquals(stdout, Files.readString(other));
    }

    @Test
    void eachFormatIsRenderedOnce() throws Exception {
        OutputOptions options = new OutputOptions();
        options.format = "markdown";
        options.outputs = List.of(dir.resolve("a.md"), dir.resolve("b.txt"), dir.resolve("c.txt"));
        AtomicInteger documents = new AtomicInteger();
        String stdout = emit(options, new Counted(documents));
        assertEquals(2, documents.get(), "Markdown once, the table once");
        assertEquals(stdout, Files.readString(dir.resolve("a.md")));
        assertEquals(Files.readString(dir.resolve("b.txt")), Files.readString(dir.resolve("c.txt")));
    }
}
