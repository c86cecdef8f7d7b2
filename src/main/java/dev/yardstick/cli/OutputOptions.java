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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --format}, {@code -o FILE} (repeatable, format from the extension) and {@code --no-color}. */
public final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Format on stdout: table, json, csv, markdown, junit or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also write the report to FILE, in the format its extension names (.json, .csv, .md, .txt, "
                    + ".xml for JUnit, .html for a page with charts). "
                    + "Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--charts", paramLabel = "DIR",
            description = "With a Markdown report (--format markdown or -o FILE.md): draw its charts into DIR as SVG"
                    + " and PNG files and link them from the report, so a PR comment or job summary shows pictures.")
    Path chartsDir;

    /** The command this mixin belongs to, for the command line an HTML report's header shows. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

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
        if (chartsDir != null) {
            if (!asks(Format.MARKDOWN)) {
                throw new dev.yardstick.config.InputException("--charts draws the charts of a Markdown report: add"
                        + " -o FILE.md or --format markdown (an HTML report, -o FILE.html, has its charts inline)");
            }
            if (Files.exists(chartsDir) && !Files.isDirectory(chartsDir)) {
                throw new dev.yardstick.config.InputException("--charts " + chartsDir + " is a file, not a folder");
            }
        }
    }

    /** Refuses a format, on stdout or in an output file, that this command's report cannot be written in. */
    void refuse(Format format, String why) {
        if (asks(format)) {
            throw new dev.yardstick.config.InputException(why);
        }
    }

    /** True when the report goes to stdout or to one of the output files in {@code format}. */
    private boolean asks(Format format) {
        return stdoutFormat() == format
                || outputs.stream().anyMatch(f -> Format.forFile(f.getFileName().toString()) == format);
    }

    /**
     * Writes the report to stdout and to every output file (each written whole, then moved into place). An output
     * that cannot be written is one line on stderr ({@link Session#cannotWrite}); the others are still written.
     */
    public void emit(Report report, Session session) {
        session.releaseReserve();
        Terminal terminal = session.terminal(noColor);
        ChartFiles charts = chartsDir == null ? null : ChartFiles.write(report, chartsDir, session);
        Map<Layout, String> rendered = new HashMap<>();
        String stdout = rendered.computeIfAbsent(Layout.of(stdoutFormat(), terminal.width(), terminal.color()),
                layout -> render(report, layout));
        session.out().print(charts == null || stdoutFormat() != Format.MARKDOWN ? stdout
                : stdout + charts.section(Path.of("").toAbsolutePath()));
        session.checkStdout();
        for (Path file : outputs) {
            Format format = Format.forFile(file.getFileName().toString());
            String text = rendered.computeIfAbsent(Layout.of(format, terminal.width(), false),
                    layout -> render(report, layout));
            if (charts != null && format == Format.MARKDOWN) {
                text += charts.section(file.toAbsolutePath().getParent());
            }
            try {
                ReportFile.write(file, Secrets.redact(text)); // stdout is scrubbed by the session's writer
            } catch (IOException e) {
                session.cannotWrite(WriteFailure.of(file, e));
            }
        }
    }

    /** The command line as typed, for an HTML report's header; null where picocli did not parse one. */
    private String commandLine() {
        if (command == null || command.commandLine() == null || command.commandLine().getParseResult() == null) {
            return null;
        }
        List<String> words = new ArrayList<>(List.of("yardstick"));
        command.commandLine().getParseResult().originalArgs().forEach(arg -> words.add(
                arg.isEmpty() || !arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? "'" + arg.replace("'", "'\\''") + "'" : arg));
        return String.join(" ", words);
    }

    /**
     * What a rendering depends on: its format, and for the table only (the one format laid out for a terminal) the
     * width and colour. Outputs of one layout are rendered once and written alike.
     */
    private record Layout(Format format, int width, boolean color) {
        static Layout of(Format format, int width, boolean color) {
            return format == Format.TABLE ? new Layout(format, width, color) : new Layout(format, 0, false);
        }
    }

    private String render(Report report, Layout layout) {
        StringBuilder text = new StringBuilder();
        try {
            Exporter exporter = layout.format() == Format.HTML
                    ? new dev.yardstick.export.html.HtmlExporter(commandLine())
                    : Exporter.of(layout.format(), layout.width(), layout.color());
            exporter.write(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never throws
        }
        return text.toString();
    }
}
