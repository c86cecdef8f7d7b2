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
 * {@code assert:} assertions and a {@code threshold}, judged by the given {@link AssertionCheck} as the file is read;
 * {@code defaults:} adds vars and assertions to every case, {@code models:} (on the file or a prompt) sets
 * parameters and assertions for one model, and {@code cases:} runs every prompt with each case of a list or of a
 * CSV, JSONL or YAML file. Every mistake names the file, line and field.
 */
public final class PromptLoader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private PromptLoader() {
    }

    /** The file's layout: what users write. */
    public record PromptFile(String name, String description, String system,
                             @JsonAlias("vars") Map<String, Object> variables, List<PromptEntry> prompts,
                             Defaults defaults, Map<String, ModelOverride> models, List<CaseEntry> cases) {
        public PromptFile {
            if (prompts == null || prompts.isEmpty()) {
                throw new InputException("'prompts' must list at least one prompt");
            }
            variables = variables == null ? Map.of() : variables;
        }
    }

    /** What every case gets ({@code defaults:}, promptfoo's {@code defaultTest}): vars, assertions, a threshold. */
    public record Defaults(@JsonAlias("variables") Map<String, Object> vars,
                           @JsonProperty("assert") List<AssertionSpec> asserts, Double threshold) {
    }

    /** One prompt as written. */
    public record PromptEntry(String id, String prompt, List<MessageEntry> messages, String system,
                              @JsonAlias("vars") Map<String, Object> variables, Expectation expect,
                              @JsonProperty("assert") List<AssertionSpec> asserts, Double threshold,
                              Map<String, ModelOverride> models, Map<String, Object> metadata) {
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
        Defaults d = parsed.defaults();
        Map<String, Object> vars = new LinkedHashMap<>(parsed.variables());
        if (d != null && d.vars() != null) {
            vars.putAll(d.vars());
        }
        SuiteCase defaults = new SuiteCase(null, vars, d == null ? null : d.asserts(), d == null ? null
                : d.threshold(), null, parsed.models(), null, file, "defaults",
                d == null || d.asserts() == null || d.asserts().isEmpty() ? 0 : d.asserts().getFirst().line());
        List<SuiteCase> cases = parsed.cases() == null ? null
                : CaseFiles.read(file, "cases", parsed.cases(), judge -> judge);
        return new PromptSet(setName, parsed.description(), toCases(file, parsed.prompts(), parsed.system(),
                defaults, cases, check), FileRef.folderOf(file));
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
                    .toList(), entry.threshold(), entry.models(), entry.metadata()));
        }
        if (entries.isEmpty()) {
            throw InputException.inFile(file.toString(), 0, null, "no prompts in the file");
        }
        return new PromptSet(stripExtension(file.getFileName().toString()), null,
                toCases(file, entries, null, SuiteCase.none(file, "defaults"), null, check),
                FileRef.folderOf(file));
    }

    private static List<PromptCase> toCases(Path file, List<PromptEntry> entries, String fileSystem,
                                            SuiteCase defaults, List<SuiteCase> cases, AssertionCheck check) {
        List<SuiteExpansion.Template> templates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < entries.size(); index++) {
            PromptEntry entry = entries.get(index);
            if (!ids.add(entry.id())) {
                throw InputException.inFile(file.toString(), 0, "id", "duplicate prompt id '" + entry.id() + "'");
            }
            List<Message> messages = new ArrayList<>();
            String system = entry.system() != null ? entry.system() : fileSystem;
            if (entry.prompt() != null) {
                if (system != null) {
                    messages.add(Message.system(system));
                }
                messages.add(Message.user(entry.prompt()));
            } else {
                boolean hasSystem = entry.messages().stream().anyMatch(m -> Role.parse(m.role()) == Role.SYSTEM);
                if (system != null && !hasSystem) {
                    messages.add(Message.system(system));
                }
                for (MessageEntry m : entry.messages()) {
                    messages.add(new Message(Role.parse(m.role()), m.content()));
                }
            }
            int line = entry.asserts().isEmpty() ? 0 : entry.asserts().getFirst().line();
            SuiteCase own = new SuiteCase(null, entry.variables(), entry.asserts(), entry.threshold(), entry.expect(),
                    entry.models(), entry.metadata(), file, "prompts[" + index + "]", line);
            templates.add(new SuiteExpansion.Template(entry.id(), messages, own));
        }
        return SuiteExpansion.expand(file, templates, defaults, cases, check);
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
