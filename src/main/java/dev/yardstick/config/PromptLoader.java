package dev.yardstick.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads prompt sets: YAML (a document with {@code prompts:}) or JSONL (one prompt object a line). A prompt is
 * either {@code prompt:} text or a list of {@code messages:}; {@code {{name}}} placeholders are filled from the
 * prompt's {@code variables} (or promptfoo's {@code vars}), then the file's. A prompt may carry promptfoo-style
 * {@code assert:} assertions and a {@code threshold}, judged by the given {@link AssertionCheck} as the file is read.
 * Every mistake names the file, line and field.
 */
public final class PromptLoader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private PromptLoader() {
    }

    /** The file's layout: what users write. */
    public record PromptFile(String name, String description, String system,
                             @JsonAlias("vars") Map<String, String> variables, List<PromptEntry> prompts) {
        public PromptFile {
            if (prompts == null || prompts.isEmpty()) {
                throw new InputException("'prompts' must list at least one prompt");
            }
            variables = variables == null ? Map.of() : variables;
        }
    }

    /** One prompt as written. */
    public record PromptEntry(String id, String prompt, List<MessageEntry> messages, String system,
                              @JsonAlias("vars") Map<String, String> variables, Expectation expect,
                              @JsonProperty("assert") List<AssertionSpec> asserts, Double threshold) {
        public PromptEntry {
            if (id == null || id.isBlank()) {
                throw new InputException("every prompt needs an 'id'");
            }
            if ((prompt == null) == (messages == null || messages.isEmpty())) {
                throw new InputException("prompt '" + id + "' needs exactly one of 'prompt' or 'messages'");
            }
            variables = variables == null ? Map.of() : variables;
            asserts = asserts == null ? List.of() : asserts;
        }
    }

    public record MessageEntry(String role, String content) {
        public MessageEntry {
            if (role == null || content == null) {
                throw new InputException("every message needs a 'role' and a 'content'");
            }
            Role.parse(role);
        }
    }

    /** Reads a prompt file whose assertions, if any, are not judged here (they will not be run). */
    public static PromptSet load(Path file) {
        return load(file, AssertionCheck.NONE);
    }

    /** Reads a prompt file, judging every assertion with {@code check} before anything runs. */
    public static PromptSet load(Path file, AssertionCheck check) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return loadJsonl(file, check);
        }
        PromptFile parsed = YamlFiles.read(file, PromptFile.class);
        String setName = parsed.name() != null ? parsed.name() : stripExtension(name);
        return new PromptSet(setName, parsed.description(), toCases(file, parsed.prompts(), parsed.system(),
                parsed.variables(), check), file.toAbsolutePath().getParent());
    }

    private static PromptSet loadJsonl(Path file, AssertionCheck check) {
        List<PromptEntry> entries = new ArrayList<>();
        List<String> lines = TextFiles.readText(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            PromptEntry entry = YamlFiles.parseJsonLine(file, i + 1, line, PromptEntry.class);
            int lineNumber = i + 1;
            entries.add(new PromptEntry(entry.id(), entry.prompt(), entry.messages(), entry.system(),
                    entry.variables(), entry.expect(), entry.asserts().stream().map(a -> a.atLine(lineNumber))
                    .toList(), entry.threshold()));
        }
        if (entries.isEmpty()) {
            throw InputException.inFile(file.toString(), 0, null, "no prompts in the file");
        }
        return new PromptSet(stripExtension(file.getFileName().toString()), null,
                toCases(file, entries, null, Map.of(), check), file.toAbsolutePath().getParent());
    }

    private static List<PromptCase> toCases(Path file, List<PromptEntry> entries, String fileSystem,
                                            Map<String, String> fileVariables, AssertionCheck check) {
        List<PromptCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < entries.size(); index++) {
            PromptEntry entry = entries.get(index);
            if (!ids.add(entry.id())) {
                throw InputException.inFile(file.toString(), 0, "id", "duplicate prompt id '" + entry.id() + "'");
            }
            Map<String, String> variables = new LinkedHashMap<>(fileVariables);
            variables.putAll(entry.variables());
            List<Message> messages = new ArrayList<>();
            String system = entry.system() != null ? entry.system() : fileSystem;
            if (entry.prompt() != null) {
                if (system != null) {
                    messages.add(Message.system(fill(file, entry.id(), system, variables)));
                }
                messages.add(Message.user(fill(file, entry.id(), entry.prompt(), variables)));
            } else {
                boolean hasSystem = entry.messages().stream().anyMatch(m -> Role.parse(m.role()) == Role.SYSTEM);
                if (system != null && !hasSystem) {
                    messages.add(Message.system(fill(file, entry.id(), system, variables)));
                }
                for (MessageEntry m : entry.messages()) {
                    messages.add(new Message(Role.parse(m.role()), fill(file, entry.id(), m.content(), variables)));
                }
            }
            cases.add(new PromptCase(entry.id(), messages, entry.expect(), variables,
                    CaseAsserts.of(file, index, entry.id(), entry.asserts(), variables, check), entry.threshold()));
        }
        return cases;
    }

    /** Replaces {{name}} placeholders; an unknown name is an error, not a silent literal. */
    static String fill(Path file, String id, String text, Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw InputException.inFile(file.toString(), 0, "variables",
                        "prompt '" + id + "' uses {{" + m.group(1) + "}} but no variable of that name is defined");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
