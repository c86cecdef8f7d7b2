package dev.yardstick.cli;

import dev.yardstick.config.Secrets;
import dev.yardstick.export.Exporter;
import dev.yardstick.export.Format;
import dev.yardstick.report.Report;
import dev.yardstick.report.WriteFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --format}, {@code -o FILE} (repeatable, format from the extension) and {@code --no-color}. */
public final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Format on stdout: table, json, csv, markdown or junit (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also write the report to FILE, in the format its extension names (.json, .csv, .md, .txt, "
                    + ".xml for JUnit). "
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

    /** Refuses a format, on stdout or in an output file, that this command's report cannot be written in. */
    void refuse(Format format, String why) {
        boolean asked = stdoutFormat() == format
                || outputs.stream().anyMatch(f -> Format.forFile(f.getFileName().toString()) == format);
        if (asked) {
            throw new dev.yardstick.config.InputException(why);
        }
    }

    /**
     * Writes the report to stdout and to every output file (each written whole, then moved into place). An output
     * that cannot be written is one line on stderr ({@link Session#cannotWrite}); the others are still written.
     */
    public void emit(Report report, Session session) {
        session.releaseReserve();
        Terminal terminal = session.terminal(noColor);
        session.out().print(render(report, stdoutFormat(), terminal.width(), terminal.color()));
        session.checkStdout();
        for (Path file : outputs) {
            String text = render(report, Format.forFile(file.getFileName().toString()), terminal.width(), false);
            try {
                ReportFile.write(file, Secrets.redact(text)); // stdout is scrubbed by the session's writer
            } catch (IOException e) {
                session.cannotWrite(WriteFailure.of(file, e));
            }
        }
    }

    private static String render(Report report, Format format, int width, boolean color) {
        StringBuilder text = new StringBuilder();
        try {
            Exporter.of(format, width, color).write(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never throws
        }
        return text.toString();
    }
}
