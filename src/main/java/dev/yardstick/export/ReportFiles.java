package dev.yardstick.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.InputException;
import dev.yardstick.config.TextFiles;
import dev.yardstick.config.YamlErrors;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.Report;
import dev.yardstick.report.SwitchReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run reports read back from their JSON into their typed records, the one reader of each format: the command that
 * wrote a report ({@code run.command}) says which record it is.
 */
public final class ReportFiles {

    private static final Map<String, Class<? extends Report>> RUN_REPORTS = new LinkedHashMap<>();

    static {
        RUN_REPORTS.put("compare", CompareReport.class);
        RUN_REPORTS.put("benchmark", BenchmarkReport.class);
        RUN_REPORTS.put("switch-test", SwitchReport.class);
    }

    private ReportFiles() {
    }

    /** Reads a compare, benchmark or switch-test report, as the record its command wrote. */
    public static Report read(Path file) {
        String text = TextFiles.readText(file);
        JsonNode tree = tree(text, file, "report");
        String command = commandOf(tree);
        Class<? extends Report> type = RUN_REPORTS.get(command);
        if (type == null) {
            throw new InputException(file + " is not a compare, benchmark or switch-test report ("
                    + (command.isEmpty() ? "it has no run.command" : "written by " + command)
                    + "; those commands write one with --format json or -o FILE.json)");
        }
        return parse(tree, text, file, command, type);
    }

    /** Reads a report that {@code command} wrote, refusing any other. */
    public static <T extends Report> T read(Path file, String command, Class<T> type) {
        String text = TextFiles.readText(file);
        JsonNode tree = tree(text, file, command + " report");
        if (!command.equals(commandOf(tree))) {
            throw new InputException(file + " is not a " + command + " report (write one with yardstick " + command
                    + " --format json or -o FILE.json)");
        }
        return parse(tree, text, file, command, type);
    }

    /** The report parsed once: its tree says which record it is, and the record is read from the same tree. */
    private static JsonNode tree(String text, Path file, String what) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(e, file, what);
        }
    }

    private static String commandOf(JsonNode tree) {
        return tree.at("/run/command").asText();
    }

    private static <T> T parse(JsonNode tree, String text, Path file, String command, Class<T> type) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException fromTree) {
            // A tree keeps no line numbers: only a report that does not fit its record is read from the text again,
            // so the error can say on which line.
            try {
                return Json.mapper().readValue(text, type);
            } catch (JsonProcessingException e) {
                throw unreadable(e, file, command + " report");
            }
        }
    }

    private static InputException unreadable(JsonProcessingException e, Path file, String what) {
        return InputException.inFile(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                YamlErrors.fieldOf(e), "not a readable " + what + ": " + YamlErrors.problem(e));
    }
}
