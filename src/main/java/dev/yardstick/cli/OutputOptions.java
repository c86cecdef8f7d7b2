package dev.yardstick.cli;

import dev.yardstick.config.Secrets;
import dev.yardstick.export.Exporter;
import dev.yardstick.export.Format;
import dev.yardstick.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --format}, {@code -o FILE} (repeatable, format from the extension) and {@code --no-color}. */
public final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Format on stdout: table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also write the report to FILE, in the format its extension names (.json, .csv, .md, .txt). "
                    + "Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--no-color", description = "No ANSI colour (also when NO_COLOR is set or stdout is no terminal).")
    boolean noColor;

    public Format stdoutFormat() {
        return Format.parse(format);
    }

    /** Checks formats and files before a run starts, so a typo does not cost a whole run. */
    public void validate() {
        stdoutFormat();
        for (Path file : outputs) {
            Format.forFile(file.getFileName().toString());
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new dev.yardstick.config.InputException("cannot write " + file + ": folder " + parent
                        + " does not exist");
            }
        }
    }

    /** Writes the report to stdout and to every output file (each written whole, then moved into place). */
    public void emit(Report report, Session session) throws IOException {
        PrintWriter stdout = session.out();
        Terminal terminal = session.terminal(noColor);
        StringBuilder text = new StringBuilder();
        Exporter.of(stdoutFormat(), terminal.width(), terminal.color()).write(report, text);
        stdout.print(text);
        stdout.flush();
        for (Path file : outputs) {
            Format format = Format.forFile(file.getFileName().toString());
            // Not Files.createTempFile: its owner-only permissions would outlive the move; a plain new file gets the
            // user's umask like any file they write.
            Path temp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid()
                    + ".tmp");
            try (Writer writer = Secrets.redacting(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                Exporter.of(format, terminal.width(), false).write(report, writer);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
