package dev.yardstick.cli;

import dev.yardstick.benchmark.PlanSettings;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.YamlFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points a benchmark plan's error at where its value came from: a flag ({@code --concurrency must be ...}), or
 * the plan file's line ({@code plan.yaml:4: field 'concurrency': must be ...}). A plan is checked once, after the
 * flags are laid over the file, so the check itself cannot know which of the two gave a value.
 */
final class PlanFileErrors {

    private static final Pattern FLAG = Pattern.compile("^--([a-z][a-z-]*)\\s+(.*)$", Pattern.DOTALL);

    private PlanFileErrors() {
    }

    static InputException locate(InputException e, Path planFile, PlanSettings file, PlanSettings flags) {
        String option;
        String problem;
        if (e instanceof FieldException field) {
            option = field.field();
            problem = field.problem();
        } else {
            Matcher m = FLAG.matcher(e.getMessage());
            if (m.matches()) {
                option = m.group(1);
                problem = m.group(2);
            } else {
                option = optionHolding(e.getMessage(), file.toMap(), flags.toMap());
                problem = e.getMessage();
            }
        }
        boolean fromFile = planFile != null && option != null && file.toMap().containsKey(option)
                && !flags.toMap().containsKey(option);
        if (!fromFile) {
            return e instanceof FieldException field ? field.asFlag() : e;
        }
        int line = YamlFiles.firstLineNaming(YamlFiles.readText(planFile), option);
        return InputException.inFile(planFile.toString(), line, option, problem);
    }

    /** The setting only the file gives whose value the message quotes, e.g. {@code malformed sweep 'x'}. */
    private static String optionHolding(String message, Map<String, Object> file, Map<String, Object> flags) {
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, Object> e : file.entrySet()) {
            if (flags.containsKey(e.getKey())) {
                continue;
            }
            Collection<?> values = e.getValue() instanceof Collection<?> c ? c : java.util.List.of(e.getValue());
            for (Object value : values) {
                String text = String.valueOf(value);
                if (text.length() > bestLength && message.contains("'" + text + "'")) {
                    best = e.getKey();
                    bestLength = text.length();
                }
            }
        }
        return best;
    }
}
