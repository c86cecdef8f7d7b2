package dev.yardstick.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A prompt file's {@code assert:} lists as the cases get them: {@code {{var}}} placeholders in text values filled
 * from the case's variables (as promptfoo renders them), each assertion placed in its file's folder (its scripts
 * and value files resolve there, not beside the suite that reads the file), a {@code file://} value replaced by
 * its file's content ({@link AssertionFiles}), judged by the engine's check, and any mistake reported at the
 * assertion's file and line with the path to the field.
 */
final class CaseAsserts {

    private CaseAsserts() {
    }

    /**
     * @param file the file the assertions are written in (their lines are its lines)
     * @param path the field path of the list, e.g. {@code prompts[0].assert}
     */
    static List<AssertionSpec> of(Path file, String path, String id, List<AssertionSpec> written,
                                  Map<String, String> variables, AssertionFiles files, AssertionCheck check) {
        List<AssertionSpec> filled = new ArrayList<>();
        Path dir = FileRef.folderOf(file);
        for (int i = 0; i < written.size(); i++) {
            AssertionSpec spec = written.get(i);
            String at = path + "[" + i + "]";
            AssertionSpec withVars;
            try {
                withVars = files.load(filled(file, id, spec, variables).writtenIn(dir));
                check.check(withVars, dir);
            } catch (FieldException e) {
                throw InputException.inFile(file.toString(), spec.line(), at + "." + e.field(), e.problem());
            } catch (InputException e) {
                throw InputException.inFile(file.toString(), spec.line(), at, e.getMessage());
            }
            filled.add(withVars);
        }
        return filled;
    }

    /** The assertion with its value's placeholders filled, and an assert-set's children's. */
    private static AssertionSpec filled(Path file, String id, AssertionSpec spec, Map<String, String> variables) {
        return new AssertionSpec(spec.type(), fill(file, id, spec.value(), variables), spec.threshold(),
                spec.weight(), spec.metric(), spec.config(), spec.line())
                .withChildren(spec.children().stream().map(c -> filled(file, id, c, variables)).toList());
    }

    private static Object fill(Path file, String id, Object value, Map<String, String> variables) {
        if (value instanceof String text) {
            return PromptLoader.fill(file, id, text, variables);
        }
        if (value instanceof List<?> items) {
            return items.stream().map(item -> item instanceof String s ? PromptLoader.fill(file, id, s, variables)
                    : item).toList();
        }
        return value;
    }
}
