package dev.yardstick.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.config.Expected;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.KeyLines;
import dev.yardstick.config.TextFiles;
import dev.yardstick.config.UnknownFields;
import dev.yardstick.config.YamlErrors;
import dev.yardstick.config.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A plan file (YAML) as the default values of a command's settings: picocli asks a default-value provider only for
 * the options the command line left out, so a flag overrides its key. The settings are the options of the mixin
 * named {@value #SETTINGS}, beside its {@value #LABEL} parameter; every key of the file is one's long name and holds
 * the same text (a list for a repeatable option), and files it names are relative to its folder. A mistake names
 * the file, the line and the key, also when it is found later, once the plan's settings are checked together.
 */
public final class PlanFile implements CommandLine.IDefaultValueProvider {

    static final String LABEL = "PLAN";
    static final String SETTINGS = "settings";

    private static final Pattern FLAG = Pattern.compile("^--([a-z][a-z-]*)\\s+(.*)$", Pattern.DOTALL);

    private final Plan preset;
    private Plan plan;
    /** What the file gave each setting the command line left out: its text, or a list of texts. */
    private final Map<String, Object> given = new LinkedHashMap<>();

    /** The file named by the command's {@value #LABEL} parameter, if any. */
    public PlanFile() {
        this.preset = null;
    }

    private PlanFile(Plan preset) {
        this.preset = preset;
    }

    /** Settings already read (a report's), standing in for a file; {@code source} names them in errors. */
    static PlanFile preset(Map<String, Object> settings, String source) {
        return new PlanFile(new Plan(source, null, null, YamlFiles.mapper().valueToTree(settings)));
    }

    /** The command's plan file, or one that gives nothing when the command has none. */
    static PlanFile of(CommandSpec spec) {
        return spec.defaultValueProvider() instanceof PlanFile file ? file : new PlanFile();
    }

    /** The options a plan file may set. */
    static List<OptionSpec> settings(CommandSpec spec) {
        return spec.mixins().containsKey(SETTINGS) ? spec.mixins().get(SETTINGS).options() : spec.options();
    }

    /**
     * An option's key in a plan file and in a report's settings: as in picocli's own properties-file provider, its
     * description key where it has one ({@code models} for the repeatable {@code --model}), else its long name.
     */
    static String key(OptionSpec option) {
        return option.descriptionKey() != null && !option.descriptionKey().isEmpty() ? option.descriptionKey()
                : option.longestName().replaceFirst("^-+", "");
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !settings(option.command()).contains(option)) {
            return null;
        }
        Plan file = plan(option.command());
        JsonNode node = file == null ? null : file.tree().get(key(option));
        if (node == null || node.isNull()) {
            return null;
        }
        if (option.isMultiValue()) {
            option.setValue(list(file, option, node)); // picocli gives a default one value; a list is set whole
            return null;
        }
        if (node.isContainerNode()) {
            throw file.error(key(option), "expected one value, got " + (node.isArray() ? "a list" : "a mapping"));
        }
        String text = file.resolve(option, node.asText());
        given.put(key(option), text);
        return text;
    }

    private List<Object> list(Plan file, OptionSpec option, JsonNode node) {
        List<Object> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            if (item.isContainerNode()) {
                throw file.error(key(option), "expected a list of values, got a " + (item.isArray() ? "list" : "mapping")
                        + " in it");
            }
            String text = file.resolve(option, item.asText());
            texts.add(text);
            try {
                values.add(option.converters().length == 0 ? text : option.converters()[0].convert(text));
            } catch (InputException e) {
                throw file.error(key(option), e.getMessage());
            } catch (Exception e) {
                throw file.error(key(option), "expected " + Expected.of(option.auxiliaryTypes()[0]) + ", got "
                        + Expected.got(text));
            }
        }
        given.put(key(option), texts);
        return values;
    }

    /** Whether the plan file gave this option its value. */
    boolean gave(OptionSpec option) {
        return given.containsKey(key(option));
    }

    /** A value the plan file gave that did not convert: at its line. */
    InputException error(OptionSpec option, String problem) {
        return plan.error(key(option), problem);
    }

    /**
     * The settings as written, keyed like the flags, in the order they are declared: what the command line gave, else
     * the file, as a report shows them.
     */
    Map<String, Object> written(CommandSpec spec) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Object> written = new LinkedHashMap<>();
        for (OptionSpec option : settings(spec)) {
            // A plain number or switch keeps its type; a value its own parser reads ("2%", "30s") keeps its text.
            boolean typed = option.converters().length == 0
                    && (Number.class.isAssignableFrom(option.type()) || option.type() == Boolean.class);
            if (parsed.hasMatchedOption(option)) {
                List<String> texts = parsed.matchedOption(option.longestName()).stringValues();
                written.put(key(option), typed ? option.getValue() : option.isMultiValue() ? texts : texts.getFirst());
            } else if (gave(option)) {
                written.put(key(option), typed ? option.getValue() : given.get(key(option)));
            }
        }
        return written;
    }

    /**
     * Runs the check of the settings together, pointing an error at where its value came from: a flag
     * ({@code --concurrency must be ...}) or the plan file's line ({@code plan.yaml:4: field 'concurrency': ...}).
     */
    <T> T located(Supplier<T> check) {
        try {
            return check.get();
        } catch (InputException e) {
            throw locate(e);
        }
    }

    private InputException locate(InputException e) {
        String option;
        String problem;
        if (e instanceof FieldException field) {
            option = field.field();
            problem = field.problem();
        } else {
            Matcher m = FLAG.matcher(e.getMessage());
            option = m.matches() ? m.group(1) : quoting(e.getMessage());
            problem = m.matches() ? m.group(2) : e.getMessage();
        }
        if (option != null && given.containsKey(option)) {
            return plan.error(option, problem);
        }
        return e instanceof FieldException field ? field.asFlag() : e;
    }

    /** The setting the file gave whose value the message quotes, e.g. {@code malformed sweep 'x'}. */
    private String quoting(String message) {
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Collection<?> values = e.getValue() instanceof Collection<?> c ? c : List.of(e.getValue());
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

    /** The plan: the preset, else the file the {@value #LABEL} parameter names (read once), else none. */
    private Plan plan(CommandSpec spec) {
        if (plan == null) {
            plan = preset != null ? preset : spec.positionalParameters().stream()
                    .filter(p -> p.paramLabel().equals(LABEL) && p.getValue() != null).findFirst()
                    .map(p -> Plan.read((Path) p.getValue())).orElse(null);
            if (plan != null) {
                plan.rejectUnknown(settings(spec).stream().map(PlanFile::key).toList());
            }
        }
        return plan;
    }

    /** A plan's text and keys. */
    private record Plan(String source, Path folder, String text, JsonNode tree) {

        static Plan read(Path file) {
            String text = TextFiles.readText(file);
            if (text.isBlank()) {
                throw InputException.inFile(file.toString(), 0, null, "the file is empty");
            }
            JsonNode tree;
            try {
                tree = YamlFiles.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw YamlErrors.describe(file, text, e);
            }
            if (tree == null || !tree.isObject()) {
                throw InputException.inFile(file.toString(), 1, null, "expected a mapping (key: value lines), got "
                        + (tree == null || tree.isMissingNode() ? "no document" : tree.isArray() ? "a list" : "text"));
            }
            return new Plan(file.toString(), file.getParent(), text, tree);
        }

        void rejectUnknown(List<String> known) {
            ((ObjectNode) tree).fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    throw error(key, UnknownFields.problem(key, known));
                }
            });
        }

        InputException error(String key, String problem) {
            return InputException.inFile(source, text == null ? 0 : KeyLines.firstLineNaming(text, key), key,
                    problem);
        }

        /** A file name beside the plan file, as the user reads it ({@code scenarios/../p.yaml} → {@code p.yaml}). */
        String resolve(OptionSpec option, String value) {
            boolean fileName = Arrays.stream(option.converters()).anyMatch(SettingConverters.FileName.class::isInstance);
            if (!fileName || folder == null || Path.of(value).isAbsolute()) {
                return value;
            }
            return folder.resolve(value).normalize().toString();
        }
    }
}
