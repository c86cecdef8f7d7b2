package dev.yardstick.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a CSV cases file, read as promptfoo reads it: every column is a var, but {@code __expected} (and
 * {@code __expected1}, {@code __expected2}, ...) hold an assertion each, {@code __description} names the case,
 * {@code __threshold} sets its threshold, {@code __metric} names its assertions and {@code __metadata:NAME} adds
 * metadata. An {@code __expected} cell is {@code TYPE:VALUE} or {@code TYPE(THRESHOLD):VALUE} for a known type
 * ({@code contains:park}, {@code not-icontains:http}, {@code similar(0.8):A dog}, {@code is-json}), promptfoo's
 * shorthands {@code fn:}/{@code javascript:}, {@code grade:}/{@code llm-rubric:} and {@code python:}, and otherwise
 * the exact answer expected ({@code equals}).
 */
final class CsvColumns {

    private static final Pattern EXPECTED = Pattern.compile("__expected\\d*");
    private static final Pattern TYPED = Pattern.compile("^(not-)?([a-z-]+)(?:\\((\\d+(?:\\.\\d+)?)\\))?(?::([\\s\\S]*))?$");
    private static final List<String> LISTED = List.of("contains-all", "contains-any", "icontains-all",
            "icontains-any");

    private CsvColumns() {
    }

    static boolean known(String column) {
        return EXPECTED.matcher(column).matches() || column.equals("__description") || column.equals("__threshold")
                || column.equals("__metric") || column.startsWith("__metadata:");
    }

    static String unknown(String column) {
        return "unsupported column '" + column + "' (Yardstick reads __expected, __expected1.., __description,"
                + " __threshold, __metric and __metadata:NAME; every other column is a var)";
    }

    static SuiteCase toCase(Path file, int line, Map<String, String> row) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<String[]> expected = new ArrayList<>();
        String description = null;
        Double threshold = null;
        String metric = null;
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue() == null ? "" : cell.getValue();
            if (EXPECTED.matcher(column).matches()) {
                if (!value.isBlank()) {
                    expected.add(new String[] {column, value.strip()});
                }
            } else if (column.equals("__description")) {
                description = value.isBlank() ? null : value.strip();
            } else if (column.equals("__threshold")) {
                threshold = value.isBlank() ? null : number(file, line, column, value);
            } else if (column.equals("__metric")) {
                metric = value.isBlank() ? null : value.strip();
            } else if (column.startsWith("__metadata:")) {
                metadata.put(column.substring("__metadata:".length()), value);
            } else {
                vars.put(column, value);
            }
        }
        List<AssertionSpec> asserts = new ArrayList<>();
        for (String[] cell : expected) {
            try {
                asserts.add(assertion(cell[1], metric, line));
            } catch (FieldException e) {
                throw InputException.inFile(file.toString(), line, cell[0], e.problem());
            }
        }
        return new SuiteCase(description, vars, asserts, threshold, null, null, metadata, file, "row " + (line - 1),
                line);
    }

    /** promptfoo's {@code assertionFromString}. */
    static AssertionSpec assertion(String cell, String metric, int line) {
        for (String[] shorthand : new String[][] {{"javascript:", "javascript"}, {"fn:", "javascript"},
                {"eval:", "javascript"}, {"grade:", "llm-rubric"}, {"llm-rubric:", "llm-rubric"},
                {"python:", "python"}}) {
            if (cell.startsWith(shorthand[0])) {
                return spec(shorthand[1], cell.substring(shorthand[0].length()).strip(), null, metric, line);
            }
        }
        Matcher m = TYPED.matcher(cell);
        if (m.matches() && AssertionNames.known((m.group(1) == null ? "" : m.group(1)) + m.group(2))) {
            String type = (m.group(1) == null ? "" : m.group(1)) + m.group(2);
            Double threshold = m.group(3) == null ? null : Double.parseDouble(m.group(3));
            String value = m.group(4);
            Object parsed = value != null && LISTED.contains(m.group(2))
                    ? Arrays.stream(value.split(",")).map(String::strip).toList() : value;
            return spec(type, parsed, threshold, metric, line);
        }
        return spec("equals", cell, null, metric, line);
    }

    private static AssertionSpec spec(String type, Object value, Double threshold, String metric, int line) {
        return new AssertionSpec(type, value, threshold, null, metric, null, line);
    }

    private static double number(Path file, int line, String column, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw InputException.inFile(file.toString(), line, column, "expected a number, got '" + value + "'");
        }
    }
}
