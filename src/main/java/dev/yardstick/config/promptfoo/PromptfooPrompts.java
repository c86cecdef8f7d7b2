package dev.yardstick.config.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.FileRef;
import dev.yardstick.config.InputException;
import dev.yardstick.config.KeyLines;
import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import dev.yardstick.config.TextFiles;
import dev.yardstick.config.YamlFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * promptfoo's {@code prompts}: inline text, or {@code file://} files (text, where a line {@code ---} separates
 * prompts; JSON or YAML chat messages; JSONL, one message list a line; a {@code *} globs), each a user message
 * unless it is a chat message list. Templates are Nunjucks in promptfoo; Yardstick fills {@code {{ var }}} and
 * refuses any other Nunjucks (tags, filters, expressions) rather than send it unrendered.
 */
final class PromptfooPrompts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}|\\{%|\\{#", Pattern.DOTALL);
    private static final Pattern PLAIN_VAR = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");

    /** One prompt: its name and its messages, placeholders unfilled. */
    record Prompt(String name, List<Message> messages) {
    }

    private PromptfooPrompts() {
    }

    static List<Prompt> read(Path config, String configText, List<PromptfooFile.PromptItem> items) {
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PromptfooFile.PromptItem item = items.get(i);
            String text = item.text();
            if (text == null || text.isBlank()) {
                throw located(config, configText, "prompts", "prompts[" + i + "]", "a prompt needs its text (raw) or"
                        + " a file://FILE id");
            }
            List<Prompt> read;
            if (FileRef.is(text)) {
                read = new ArrayList<>();
                for (Path file : files(config, configText, i, text)) {
                    read.addAll(fromFile(file));
                }
            } else {
                read = List.of(new Prompt("prompt " + (i + 1), messages(config, configText, text)));
            }
            if (item.label() != null) {
                String label = item.label();
                read = read.size() == 1 ? List.of(new Prompt(label, read.getFirst().messages()))
                        : numbered(label, read);
            }
            prompts.addAll(read);
        }
        return prompts;
    }

    private static List<Prompt> numbered(String name, List<Prompt> prompts) {
        List<Prompt> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(new Prompt(name + " #" + (i + 1), prompts.get(i).messages()));
        }
        return out;
    }

    private static List<Path> files(Path config, String configText, int index, String ref) {
        int line = KeyLines.lineContaining(configText, ref);
        return FileRef.files(FileRef.folderOf(config), ref,
                problem -> InputException.inFile(config.toString(), line, "prompts[" + index + "]", problem));
    }

    private static List<Prompt> fromFile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String text = TextFiles.readText(file);
        if (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return List.of(new Prompt(name, chat(file, text, YamlFiles.readTree(file))));
        }
        if (lower.endsWith(".jsonl")) {
            List<Prompt> prompts = new ArrayList<>();
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    prompts.add(new Prompt(name + ":" + (i + 1), chat(file, lines.get(i), tree(file, i + 1,
                            lines.get(i)))));
                }
            }
            return prompts;
        }
        if (lower.matches(".*\\.(js|cjs|mjs|ts|py|sh|rb|go)$")) {
            throw InputException.inFile(file.toString(), 0, null, "prompt functions are not supported: Yardstick"
                    + " reads prompts from text, JSON, YAML and JSONL files");
        }
        String[] parts = text.split("(?m)^---\\s*$\\R?");
        List<Prompt> prompts = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                prompts.add(new Prompt(name, messages(file, text, part.strip())));
            }
        }
        return prompts.size() > 1 ? numbered(name, prompts) : prompts;
    }

    /** Inline text, or a JSON list of {@code {role, content}} chat messages written as text. */
    private static List<Message> messages(Path file, String fileText, String text) {
        checkTemplate(file, fileText, text);
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                if (node.isArray() && !node.isEmpty() && node.get(0).has("role")) {
                    return chat(file, fileText, node);
                }
            } catch (IOException notJson) {
                // plain text that happens to start with a bracket
            }
        }
        return List.of(Message.user(text));
    }

    private static List<Message> chat(Path file, String fileText, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw InputException.inFile(file.toString(), 0, null, "a chat prompt is a list of {role, content}"
                    + " messages");
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : node) {
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || content == null || !content.isTextual()) {
                throw InputException.inFile(file.toString(), 0, null, "every chat message needs a 'role' and a"
                        + " text 'content', got " + m);
            }
            checkTemplate(file, fileText, content.asText());
            messages.add(new Message(Role.parse(role.asText()), content.asText()));
        }
        return messages;
    }

    private static JsonNode tree(Path file, int line, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw InputException.inFile(file.toString(), line, null, "not a JSON list of chat messages");
        }
    }

    /** Refuses Nunjucks beyond {@code {{ var }}}: a tag, a comment, a filter or an expression. */
    static void checkTemplate(Path file, String fileText, String text) {
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
            if (m.group(1) == null || !PLAIN_VAR.matcher(m.group(1)).matches()) {
                String found = m.group().length() > 40 ? m.group().substring(0, 40) + "…" : m.group();
                throw located(file, fileText, m.group(), null, "unsupported Nunjucks '" + found + "': Yardstick"
                        + " fills {{ var }} placeholders only (no tags, filters or expressions)");
            }
        }
    }

    static InputException located(Path file, String text, String needle, String field, String problem) {
        return InputException.inFile(file.toString(), KeyLines.lineContaining(text, needle),
                field, problem);
    }
}
