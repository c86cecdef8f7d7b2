package dev.yardstick.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the cases of a {@code cases:} (promptfoo {@code tests:}) list: inline entries, and files they name with
 * {@code file://} (relative to the file that names them; a {@code *} in the name is a glob): CSV, where every column
 * is a var but promptfoo's {@code __expected}, {@code __expected1..}, {@code __description}, {@code __threshold},
 * {@code __metric} and {@code __metadata:NAME}; JSONL, one case object a line; YAML or JSON, a list of cases.
 */
public final class CaseFiles {

    private CaseFiles() {
    }

    /**
     * @param file       the file the list is written in
     * @param field      the list's field, {@code cases} or {@code tests}
     * @param judgeNames turns a case's {@code options.provider} into a Yardstick model name
     */
    public static List<SuiteCase> read(Path file, String field, List<CaseEntry> entries,
                                       UnaryOperator<String> judgeNames) {
        List<SuiteCase> cases = new ArrayList<>();
        String text = TextFiles.readText(file);
        for (int i = 0; i < entries.size(); i++) {
            CaseEntry entry = entries.get(i);
            String path = field + "[" + i + "]";
            if (entry.ref() != null) {
                int line = KeyLines.lineContaining(text, entry.ref());
                for (Path named : resolve(file, line, path, entry.ref())) {
                    cases.addAll(readFile(named, judgeNames));
                }
            } else {
                int line = entry.asserts().isEmpty() ? 0 : entry.asserts().getFirst().line();
                cases.add(withJudge(entry, entry.toCase(file, path, line), judgeNames));
            }
        }
        return cases;
    }

    /**
     * The files a {@code file://} reference names ({@link FileRef#files}); anything else where a case is expected is
     * an error at {@code file}'s {@code line}.
     */
    private static List<Path> resolve(Path file, int line, String path, String ref) {
        if (!FileRef.is(ref)) {
            throw InputException.inFile(file.toString(), line, path, "expected a case (a mapping) or file://FILE,"
                    + " got '" + ref + "'");
        }
        return FileRef.files(FileRef.folderOf(file), ref,
                problem -> InputException.inFile(file.toString(), line, path, problem));
    }

    private static List<SuiteCase> readFile(Path named, UnaryOperator<String> judgeNames) {
        String name = named.getFileName().toString().toLowerCase(Locale.ROOT);
        List<SuiteCase> cases = new ArrayList<>();
        if (name.endsWith(".csv")) {
            return csv(named);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            List<String> lines = TextFiles.readText(named).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                int line = i + 1;
                CaseEntry entry = YamlFiles.parseJsonLine(named, line, lines.get(i).strip(), CaseEntry.class);
                CaseEntry placed = new CaseEntry(entry.ref(), entry.description(), entry.vars(),
                        entry.asserts().stream().map(a -> a.atLine(line)).toList(), entry.threshold(),
                        entry.metadata(), entry.models(), entry.options());
                cases.add(withJudge(placed, placed.toCase(named, "line " + line, line), judgeNames));
            }
        } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            CaseEntry[] entries = YamlFiles.read(named, CaseEntry[].class);
            for (int i = 0; i < entries.length; i++) {
                if (entries[i].ref() != null) {
                    throw InputException.inFile(named.toString(), KeyLines.lineContaining(
                            TextFiles.readText(named), entries[i].ref()), "[" + i + "]",
                            "a cases file lists cases, not other files");
                }
                int line = entries[i].asserts().isEmpty() ? 0 : entries[i].asserts().getFirst().line();
                cases.add(withJudge(entries[i], entries[i].toCase(named, "[" + i + "]", line), judgeNames));
            }
        } else {
            throw new InputException(named + ": cases are read from .csv, .jsonl, .yaml, .yml or .json files");
        }
        if (cases.isEmpty()) {
            throw InputException.inFile(named.toString(), 0, null, "no cases in the file");
        }
        return cases;
    }

    /** A CSV file: a header row, then one case a row. */
    static List<SuiteCase> csv(Path file) {
        List<SuiteCase> cases = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(TextFiles.readText(file)), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (column.startsWith("__") && !CsvColumns.known(column)) {
                    throw InputException.inFile(file.toString(), 1, column, CsvColumns.unknown(column));
                }
            }
            long previousLine = 1;
            for (CSVRecord row : parser) {
                int line = (int) previousLine + 1;
                previousLine = parser.getCurrentLineNumber();
                cases.add(CsvColumns.toCase(file, line, row.toMap()));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw InputException.inFile(file.toString(), 0, null, "not a CSV file with a header row: "
                    + e.getMessage());
        }
        if (cases.isEmpty()) {
            throw InputException.inFile(file.toString(), 0, null, "no cases in the file (a header row, then one"
                    + " case a row)");
        }
        return cases;
    }

    /** The case's assertions graded by the judge its {@code options.provider} names, where they name none. */
    private static SuiteCase withJudge(CaseEntry entry, SuiteCase c, UnaryOperator<String> judgeNames) {
        if (entry.judge() == null) {
            return c;
        }
        String judge = judgeNames.apply(entry.judge());
        List<AssertionSpec> judged = c.asserts().stream().map(a -> a.judgedBy(judge)).toList();
        return new SuiteCase(c.description(), c.vars(), judged, c.threshold(), c.expect(), c.models(), c.metadata(),
                c.file(), c.path(), c.line());
    }
}
