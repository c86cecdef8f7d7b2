package dev.yardstick.cli;

import dev.yardstick.config.InputException;
import dev.yardstick.eval.AssertionTypes;
import dev.yardstick.config.Message;
import dev.yardstick.config.PromptCase;
import dev.yardstick.config.PromptLoader;
import dev.yardstick.config.PromptSet;
import dev.yardstick.config.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a command's prompts come from: {@code -p TEXT}, {@code --prompts FILE}, or text piped on stdin. */
final class PromptInput {

    private PromptInput() {
    }

    static PromptSet resolve(String prompt, Path file, InputStream stdin, String system) {
        if (prompt != null && file != null) {
            throw new InputException("give either -p/--prompt or --prompts, not both");
        }
        PromptSet set;
        if (file != null) {
            set = PromptLoader.load(file, AssertionTypes::check);
        } else if (prompt != null) {
            set = single(prompt);
        } else {
            set = single(readStdin(stdin));
        }
        return system == null ? set : withSystem(set, system);
    }

    private static PromptSet single(String text) {
        if (text.isBlank()) {
            throw new InputException("the prompt is empty");
        }
        return PromptSet.single("prompt", List.of(Message.user(text)));
    }

    private static String readStdin(InputStream stdin) {
        if (stdin == null) {
            throw new InputException("no prompt: give -p TEXT, --prompts FILE, or pipe the prompt on stdin");
        }
        try {
            String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new InputException("no prompt: stdin was empty (give -p TEXT or --prompts FILE)");
            }
            return text;
        } catch (IOException e) {
            throw new InputException("cannot read the prompt from stdin: " + e.getMessage());
        }
    }

    /** --system replaces any system message of the set's prompts. */
    static PromptSet withSystem(PromptSet set, String system) {
        List<PromptCase> cases = new ArrayList<>();
        for (PromptCase c : set.prompts()) {
            List<Message> messages = new ArrayList<>();
            messages.add(Message.system(system));
            c.messages().stream().filter(m -> m.role() != Role.SYSTEM).forEach(messages::add);
            cases.add(c.withMessages(messages));
        }
        return set.withPrompts(cases);
    }
}
